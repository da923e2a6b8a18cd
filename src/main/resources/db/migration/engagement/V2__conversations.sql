-- A staged conversation of a needs assessment: one per assessment, held as stages the district chooses (by default
-- present the data, talk about ideas, decide). The assessment belongs to the needs module: no foreign key across
-- modules, the application checks it exists in the district.
create table conversation (
    district_id uuid not null references district (id),
    id uuid not null,
    assessment_id uuid not null,
    created_by text not null,
    created_at timestamptz not null,
    version int not null default 0,
    primary key (district_id, id),
    unique (district_id, assessment_id)
);

-- A stage of a conversation, held as one session: in person or online, when, where (a place or a link), for whom,
-- how many came of each audience (recorded after), and the areas and metrics its data pack shows.
create table conversation_session (
    district_id uuid not null,
    id uuid not null,
    conversation_id uuid not null,
    position int not null,
    stage text not null check (length(btrim(stage)) > 0 and length(stage) <= 120),
    title text check (title is null or length(title) <= 200),
    online boolean not null default false,
    held_at timestamp,
    place text check (place is null or length(place) <= 500),
    audiences text[] not null default '{}',
    areas text[] not null default '{}',
    metric_ids uuid[] not null default '{}',
    attendance_recorded boolean not null default false,
    version int not null default 0,
    primary key (district_id, id),
    foreign key (district_id, conversation_id) references conversation (district_id, id) on delete cascade
);
create index conversation_session_of on conversation_session (district_id, conversation_id, position);

-- How many of each audience came to a session.
create table conversation_attendance (
    district_id uuid not null,
    session_id uuid not null,
    audience text not null check (audience in ('TEACHERS', 'STAFF', 'FAMILIES', 'STUDENTS', 'COMMUNITY',
        'ADMINISTRATORS')),
    attendees int not null check (attendees >= 0 and attendees <= 1000000),
    primary key (district_id, session_id, audience),
    foreign key (district_id, session_id) references conversation_session (district_id, id) on delete cascade
);

-- What a session heard: a note, an idea, or a comment heard (kept also as an open comment, source SESSION, so themes
-- can group it), each attached to none or more needs of the assessment.
create table conversation_entry (
    district_id uuid not null,
    id uuid not null,
    session_id uuid not null,
    kind text not null check (kind in ('NOTE', 'IDEA', 'COMMENT')),
    text text not null check (length(btrim(text)) > 0 and length(text) <= 4000),
    need_ids uuid[] not null default '{}',
    comment_id uuid,
    created_by text not null,
    created_at timestamptz not null,
    primary key (district_id, id),
    foreign key (district_id, session_id) references conversation_session (district_id, id) on delete cascade
);
create index conversation_entry_of on conversation_entry (district_id, session_id);

-- A decision taken at a session: who decided and when, and what it became in a plan: a new action under a goal
-- (item_id is the action's id) or a change to an existing goal or action (item_id is that item, change says what).
create table conversation_decision (
    district_id uuid not null,
    id uuid not null,
    session_id uuid not null,
    text text not null check (length(btrim(text)) > 0 and length(text) <= 2000),
    decided_by text not null check (length(btrim(decided_by)) > 0 and length(decided_by) <= 200),
    decided_on date not null,
    outcome text not null check (outcome in ('NEW_ACTION', 'LINKED')),
    item_id uuid not null,
    change text check (change is null or length(change) <= 2000),
    created_by text not null,
    created_at timestamptz not null,
    primary key (district_id, id),
    foreign key (district_id, session_id) references conversation_session (district_id, id) on delete cascade
);
create index conversation_decision_item on conversation_decision (district_id, item_id);
create index conversation_decision_of on conversation_decision (district_id, session_id);
