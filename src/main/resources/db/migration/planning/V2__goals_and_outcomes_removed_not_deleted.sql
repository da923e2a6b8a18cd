-- Removing a goal (with its outcomes) or an outcome marks it removed instead of deleting its row: KPIs of the
-- measures module still point at the outcome (a restricting foreign key) and keep their history after measures
-- archives them. Strategies and projects under a removed goal stay with it, hidden, so that nothing planned is lost.
alter table goal add column removed_at timestamptz, add column removed_by text;
alter table outcome add column removed_at timestamptz, add column removed_by text;
