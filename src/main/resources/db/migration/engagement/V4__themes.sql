-- Themes found in sets of open comments, the planners' edits to them (pinned, never moved by a later run), their links
-- to needs and plan items, and the public "you said, we did" entries. No foreign key into other modules' tables: a
-- need or a plan item is named by id only.

-- A set of comments: all comments of the sources it lists (a survey, the sessions of a conversation, a paste).
create table theme_set (
    district_id uuid not null references district (id),
    id uuid not null,
    title text not null check (length(btrim(title)) > 0 and length(title) <= 200),
    created_by text not null,
    created_at timestamptz not null,
    primary key (district_id, id)
);

create table theme_set_source (
    district_id uuid not null,
    set_id uuid not null,
    source text not null check (source in ('SURVEY', 'SESSION', 'PASTED')),
    source_id uuid not null,
    primary key (district_id, set_id, source, source_id),
    foreign key (district_id, set_id) references theme_set (district_id, id) on delete cascade
);

-- A finding of themes, made off the request thread; what it changed is kept for the page.
create table theme_run (
    district_id uuid not null,
    id uuid not null,
    set_id uuid not null,
    requested_by text not null,
    requested_at timestamptz not null,
    finished_at timestamptz,
    status text not null check (status in ('WAITING', 'WORKING', 'DONE', 'FAILED')),
    comments integer not null default 0,
    choice text,
    new_themes integer not null default 0,
    added integer not null default 0,
    moved integer not null default 0,
    relabelled integer not null default 0,
    pinned_kept integer not null default 0,
    primary key (district_id, id),
    foreign key (district_id, set_id) references theme_set (district_id, id) on delete cascade
);
create index theme_run_set on theme_run (district_id, set_id, requested_at);

create table theme (
    district_id uuid not null,
    id uuid not null,
    set_id uuid not null,
    label text not null check (length(btrim(label)) > 0 and length(label) <= 200),
    -- a planner named it: no run renames it again
    renamed boolean not null default false,
    representatives uuid[] not null default '{}',
    created_at timestamptz not null,
    version integer not null default 0,
    primary key (district_id, id),
    foreign key (district_id, set_id) references theme_set (district_id, id) on delete cascade
);
create index theme_of_set on theme (district_id, set_id);

-- Which theme each comment of a set is in; pinned once a planner placed it (moved, split off, merged).
create table theme_assignment (
    district_id uuid not null,
    set_id uuid not null,
    comment_id uuid not null,
    theme_id uuid not null,
    pinned boolean not null default false,
    primary key (district_id, set_id, comment_id),
    foreign key (district_id, theme_id) references theme (district_id, id),
    foreign key (district_id, comment_id) references engagement_comment (district_id, id)
);
create index theme_assignment_theme on theme_assignment (district_id, theme_id);

-- A theme linked to a need (NEED) or to a goal or action of a plan (ITEM).
create table theme_link (
    district_id uuid not null,
    theme_id uuid not null,
    kind text not null check (kind in ('NEED', 'ITEM')),
    target_id uuid not null,
    linked_by text not null,
    primary key (district_id, theme_id, kind, target_id),
    foreign key (district_id, theme_id) references theme (district_id, id) on delete cascade
);
create index theme_link_target on theme_link (district_id, target_id);

-- "You said, we did": what was heard in a theme and what the plan changed because of it, published by a planner.
create table you_said_entry (
    district_id uuid not null,
    id uuid not null,
    theme_id uuid not null,
    heard_en text not null check (length(btrim(heard_en)) > 0 and length(heard_en) <= 2000),
    heard_es text not null check (length(btrim(heard_es)) > 0 and length(heard_es) <= 2000),
    did_en text not null check (length(btrim(did_en)) > 0 and length(did_en) <= 2000),
    did_es text not null check (length(btrim(did_es)) > 0 and length(did_es) <= 2000),
    quote_id uuid,
    item_ids uuid[] not null default '{}',
    published boolean not null default false,
    published_at timestamptz,
    written_by text not null,
    version integer not null default 0,
    primary key (district_id, id),
    foreign key (district_id, theme_id) references theme (district_id, id),
    foreign key (district_id, quote_id) references engagement_comment (district_id, id)
);
create index you_said_published on you_said_entry (district_id, published);
