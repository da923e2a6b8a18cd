-- Optimistic locking of the staffing settings: a saved row starts at version 1 (0 means "never saved", what a page
-- shows before the first save), and a save of an older version than the saved one is refused.
alter table enrollment_settings add column version int not null default 1;
