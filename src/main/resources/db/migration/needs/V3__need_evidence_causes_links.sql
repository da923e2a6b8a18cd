-- What backs up a need: a gap of one metric for the district or a school and a group, with the values and references
-- by year and the trend's verdict at the time it was taken. Moved, not copied, when the need is merged into another.
create table need_evidence (
    district_id uuid not null,
    id uuid not null,
    need_id uuid not null,
    metric_id uuid not null,
    school_id uuid,
    group_code text not null default 'ALL',
    against text not null check (against in ('ALL_STUDENTS', 'DISTRICT', 'STATE')),
    years int[] not null,
    values_by_year numeric(14, 4)[] not null,
    references_by_year numeric(14, 4)[] not null,
    n_by_year int[] not null,
    shortfall numeric(14, 4) not null,
    verdict text not null check (verdict in ('IMPROVING', 'WORSENING', 'NO_CLEAR_CHANGE')),
    score numeric(14, 4) not null,
    primary key (district_id, id),
    foreign key (district_id, need_id) references need (district_id, id) on delete cascade,
    foreign key (district_id, metric_id) references cna_metric (district_id, id) on delete cascade
);
create index need_evidence_need on need_evidence (district_id, need_id);

-- How a need's root cause was worked out: five whys (up to five why/because lines) or a fishbone (causes by category).
alter table need add column cause_method text check (cause_method in ('FIVE_WHYS', 'FISHBONE'));

create table need_cause (
    district_id uuid not null,
    need_id uuid not null,
    position int not null check (position between 1 and 30),
    category text check (category in ('PEOPLE', 'PROCESS', 'MATERIALS', 'ENVIRONMENT', 'POLICY', 'MEASUREMENT')),
    why text check (why is null or length(why) <= 500),
    because text not null check (length(btrim(because)) > 0 and length(because) <= 500),
    primary key (district_id, need_id, position),
    foreign key (district_id, need_id) references need (district_id, id) on delete cascade
);

-- The goals and actions (planning's goals and strategies, by id: no key across modules) that answer a need.
create table need_link (
    district_id uuid not null,
    need_id uuid not null,
    item_id uuid not null,
    kind text not null check (kind in ('GOAL', 'ACTION')),
    linked_by text not null,
    linked_at timestamptz not null,
    primary key (district_id, need_id, item_id),
    foreign key (district_id, need_id) references need (district_id, id) on delete cascade
);
create index need_link_item on need_link (district_id, item_id);

-- A state value a user entered for a metric of an assessment, to compare the district or the school with.
create table cna_state_value (
    district_id uuid not null,
    assessment_id uuid not null,
    metric_id uuid not null,
    value numeric(14, 4) not null,
    primary key (district_id, assessment_id, metric_id),
    foreign key (district_id, assessment_id) references cna (district_id, id) on delete cascade,
    foreign key (district_id, metric_id) references cna_metric (district_id, id) on delete cascade
);
