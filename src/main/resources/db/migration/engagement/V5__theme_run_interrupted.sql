-- A run left waiting or working when the application stopped is marked failed at the next start-up, with this flag so
-- that the set's page can say it was interrupted by a restart (run it again) rather than that grouping failed.
alter table theme_run add column interrupted boolean not null default false;
