-- Optimistic locking: every save of a district's settings, a school or a person says which version it read; a save
-- that read an older version than the one saved is refused instead of silently replacing the other edit.
alter table district add column version int not null default 0;
alter table school add column version int not null default 0;
alter table app_user add column version int not null default 0;
