-- Projects move from planning to execution with their rows. Planning's V1 created the table and its history stays as
-- it ran, so execution takes the table over here, in the same schema, instead of copying it: nothing is lost on a
-- database migrated before. From now on only execution reads or writes it.
--
-- No cascade across modules: removing a strategy no longer deletes its projects in the database. Planning marks a
-- strategy removed (never deletes its row) and announces it; execution archives the projects under it itself.
alter table project drop constraint project_district_id_strategy_id_fkey;
alter table project add constraint project_strategy_fkey
    foreign key (district_id, strategy_id) references strategy (district_id, id);

alter table project
    add column version int not null default 0,
    add column archived_at timestamptz,
    add column archived_by text;

-- projects under strategies that planning removed before now (with their goal) are archived with them
update project p set archived_at = s.removed_at, archived_by = s.removed_by
  from strategy s
 where s.district_id = p.district_id and s.id = p.strategy_id and s.removed_at is not null;
