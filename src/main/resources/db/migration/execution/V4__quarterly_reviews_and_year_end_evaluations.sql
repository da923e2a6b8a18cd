-- The quarterly formative review of an improvement plan: prepared from live data when a planner starts it (one row per
-- goal, action and KPI with its status and evidence as they stood), edited as a draft (the adjustment decided and a
-- note per row; the review's version guards every save), then signed off (who, when): frozen, and the quarter of its
-- KPIs' values locked in measures.
create table quarterly_review (
    district_id uuid not null,
    id uuid not null,
    plan_id uuid not null,
    school_year int not null,
    quarter int not null check (quarter between 1 and 4),
    started_at timestamptz not null,
    started_by text not null,
    signed_off_at timestamptz,
    signed_off_by uuid,
    version int not null default 0,
    primary key (district_id, id),
    unique (district_id, plan_id, school_year, quarter),
    foreign key (district_id, plan_id) references plan (district_id, id),
    foreign key (district_id, signed_off_by) references app_user (district_id, id)
);

create table quarterly_review_item (
    district_id uuid not null,
    id uuid not null,
    review_id uuid not null,
    item_id uuid not null,
    tier text not null check (tier in ('GOAL', 'ACTION', 'KPI')),
    goal_id uuid,
    position int not null,
    title text not null,
    title_translation text,
    status text not null,
    done_count int not null default 0,
    total_count int not null default 0,
    unit text,
    latest numeric(14, 4),
    latest_year int,
    target numeric(14, 4),
    adjustment text check (adjustment in ('KEEP', 'CHANGE', 'STOP', 'ADD')),
    note text,
    primary key (district_id, id),
    unique (district_id, review_id, item_id),
    foreign key (district_id, review_id) references quarterly_review (district_id, id) on delete cascade
);

-- The year-end summative evaluation of an improvement plan: each goal met, partly met or not met (proposed from its KPIs,
-- confirmed or changed by a person with a note), each action continued, revised or stopped (with a reason for the last
-- two). Completing it makes next year's plan (kept in next_plan_id) and locks the school year's values.
create table year_end_evaluation (
    district_id uuid not null,
    id uuid not null,
    plan_id uuid not null,
    started_at timestamptz not null,
    started_by text not null,
    completed_at timestamptz,
    completed_by uuid,
    next_plan_id uuid,
    version int not null default 0,
    primary key (district_id, id),
    unique (district_id, plan_id),
    foreign key (district_id, plan_id) references plan (district_id, id),
    foreign key (district_id, next_plan_id) references plan (district_id, id),
    foreign key (district_id, completed_by) references app_user (district_id, id)
);

create table year_end_item (
    district_id uuid not null,
    id uuid not null,
    evaluation_id uuid not null,
    item_id uuid not null,
    tier text not null check (tier in ('GOAL', 'ACTION')),
    goal_id uuid,
    position int not null,
    title text not null,
    title_translation text,
    proposed text check (proposed in ('MET', 'PARTLY_MET', 'NOT_MET')),
    kpis_met int not null default 0,
    kpis_with_data int not null default 0,
    kpis int not null default 0,
    verdict text check (verdict in ('MET', 'PARTLY_MET', 'NOT_MET', 'CONTINUE', 'REVISE', 'STOP')),
    note text,
    primary key (district_id, id),
    unique (district_id, evaluation_id, item_id),
    foreign key (district_id, evaluation_id) references year_end_evaluation (district_id, id) on delete cascade
);
