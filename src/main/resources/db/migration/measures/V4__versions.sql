-- Optimistic locking: a KPI's save says which version it read, and a save of an older version is refused instead of
-- silently replacing the other edit. A measurement's version guards its replacement: whoever replaces a recorded
-- value names the version they saw (the form asks first, the API sends it).
alter table kpi add column version int not null default 0;
alter table measurement add column version int not null default 0;
