-- The plan a change belongs to (a goal's, a KPI's, a value's...), so that a plan's history lists the changes of
-- everything in it without the audit log reading the modules' tables. Older rows have none.
alter table audit_event add column context_id uuid;
create index audit_event_context on audit_event (district_id, context_id, at desc) where context_id is not null;
