-- Open comments of stakeholders, from surveys, conversations' sessions or pasted by a planner. Personal data: read
-- only by planners and admins; a moderator may hide one (kept, shown to nobody) when it names a student.
create table engagement_comment (
    district_id uuid not null references district (id),
    id uuid not null,
    source text not null check (source in ('SURVEY', 'SESSION', 'PASTED')),
    source_id uuid not null,
    audience text check (audience in ('TEACHERS', 'STAFF', 'FAMILIES', 'STUDENTS', 'COMMUNITY', 'ADMINISTRATORS')),
    language text not null default 'en' check (language in ('en', 'es')),
    text text not null check (length(btrim(text)) > 0 and length(text) <= 4000),
    hidden boolean not null default false,
    hidden_by text,
    created_at timestamptz not null,
    primary key (district_id, id)
);
create index engagement_comment_source on engagement_comment (district_id, source, source_id);
