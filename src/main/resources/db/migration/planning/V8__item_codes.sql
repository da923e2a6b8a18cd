-- A plan's goals, outcomes and strategies (actions) may carry the code they had in a file the plan was imported from
-- (issue 9: plan import and export, each row's parent named by its code), so that the export gives the same codes
-- back. Items without one (made in Lodestar) are given a generated code when exported (G1, G1.O1, G1.A1). A code is
-- unique within its plan: goals are checked here; outcomes and strategies have no plan column, so here within their
-- goal, and within the whole plan by the import, the only writer of codes.
alter table goal add column code text;
alter table outcome add column code text;
alter table strategy add column code text;
create unique index goal_code on goal (district_id, plan_id, code) where code is not null;
create unique index outcome_code on outcome (district_id, goal_id, code) where code is not null;
create unique index strategy_code on strategy (district_id, goal_id, code) where code is not null;
