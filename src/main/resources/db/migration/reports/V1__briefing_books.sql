-- The board's briefing book (issue 10): made off the request thread, so a request asks for one and the page follows
-- its progress; the finished file is kept here, not in one node's memory, so any node serves it. Books are kept a day.
create table briefing_book (
    district_id uuid not null,
    id uuid not null,
    plan_id uuid not null,
    requested_by text not null,
    requested_at timestamptz not null,
    format text not null check (format in ('PDF', 'XLSX')),
    school_year int not null,
    sections text[] not null check (cardinality(sections) > 0),
    language text not null check (language in ('en', 'es')),
    status text not null check (status in ('WAITING', 'WORKING', 'DONE', 'FAILED')),
    steps_done int not null default 0,
    steps int not null default 0,
    content bytea,
    finished_at timestamptz,
    primary key (district_id, id),
    foreign key (district_id) references district (id)
);
create index briefing_book_age on briefing_book (requested_at);
