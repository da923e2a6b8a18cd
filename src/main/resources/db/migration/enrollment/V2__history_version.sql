-- Raised in the same transaction as every change to a district's counts or births: a forecast is kept per version,
-- so no node serves one computed from an older history.
create table enrollment_history_version (
    district_id uuid primary key references district (id),
    version bigint not null
);
