-- An e-mail address may have an account in several districts (a consultant, a parent who also works for a
-- neighbouring district); one district can neither see nor block another's. Sign-in tries the password against each.
drop index app_user_email;
create unique index app_user_email on app_user (district_id, lower(email));
create index app_user_email_any on app_user (lower(email));

-- Raised when a password changes (by its owner or an admin): sessions opened before it end.
alter table app_user add column session_epoch int not null default 0;

-- Sign-in is throttled by address and account from the log below, not by locking the account (which let anyone
-- lock anyone out, API tokens included).
alter table app_user drop column failed_sign_ins;
alter table app_user drop column locked_until;

-- Every sign-in attempt, kept for throttling and for admins to read. Not tenant-owned: a failed attempt names an
-- address that may be in no district or in several; admins see the attempts on their own people's addresses.
create table sign_in_event (
    at timestamptz not null,
    email text not null,
    client_address text not null,
    outcome text not null check (outcome in ('SUCCEEDED', 'FAILED', 'THROTTLED')),
    district_id uuid
);
create index sign_in_event_email on sign_in_event (lower(email), at desc);
create index sign_in_event_address on sign_in_event (client_address, at desc);
create index sign_in_event_at on sign_in_event (at);
