-- Every editable row carries a version that each save checks and raises (optimistic locking): a save made from an
-- older reading changes nothing and the person is shown both versions.
alter table plan add column version int not null default 0;
alter table goal add column version int not null default 0;
alter table outcome add column version int not null default 0;

-- A strategy is marked removed instead of deleted, like goals and outcomes: the execution module's projects point at
-- it (a restricting foreign key from execution's V1) and react to its removal themselves. Strategies of goals removed
-- before now are marked removed with their goal.
alter table strategy add column version int not null default 0,
    add column removed_at timestamptz,
    add column removed_by text;
update strategy s set removed_at = g.removed_at, removed_by = g.removed_by
  from goal g
 where g.district_id = s.district_id and g.id = s.goal_id and g.removed_at is not null;
