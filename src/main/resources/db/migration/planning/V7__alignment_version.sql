-- A school goal's alignment to a district goal is edited (its rationale) like every other editable row: a save sends
-- the version it read and is refused when someone else saved in between.
alter table goal_alignment add column version int not null default 0;
