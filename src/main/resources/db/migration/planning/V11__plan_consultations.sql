-- The stakeholders a plan's writers consulted, and when: what a required plan's document lists under "stakeholders
-- consulted". Recorded and removed, never edited in place (a correction is a removal and a new entry, both audited).
create table plan_consultation (
    district_id uuid not null,
    id uuid not null,
    plan_id uuid not null,
    held_on date not null,
    audiences text[] not null check (cardinality(audiences) > 0),
    participants int check (participants >= 0),
    summary text not null check (length(summary) between 1 and 2000),
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    primary key (district_id, id),
    foreign key (district_id, plan_id) references plan (district_id, id) on delete cascade
);
create index plan_consultation_plan on plan_consultation (district_id, plan_id, held_on);
