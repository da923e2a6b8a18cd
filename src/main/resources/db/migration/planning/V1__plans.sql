create table plan (
    district_id uuid not null references district (id),
    id uuid not null,
    school_id uuid,
    kind text not null check (kind in ('STRATEGIC', 'IMPROVEMENT')),
    title text not null,
    first_year int not null,
    last_year int not null,
    vision text,
    mission text,
    core_values text,
    status text not null check (status in ('DRAFT', 'ADOPTED', 'ARCHIVED')),
    primary key (district_id, id),
    foreign key (district_id, school_id) references school (district_id, id),
    check (last_year >= first_year)
);

create table goal (
    district_id uuid not null,
    id uuid not null,
    plan_id uuid not null,
    title text not null,
    description text,
    owner_id uuid,
    position int not null,
    published boolean not null default false,
    primary key (district_id, id),
    foreign key (district_id, plan_id) references plan (district_id, id) on delete cascade,
    foreign key (district_id, owner_id) references app_user (district_id, id)
);

create table outcome (
    district_id uuid not null,
    id uuid not null,
    goal_id uuid not null,
    title text not null,
    owner_id uuid,
    position int not null,
    primary key (district_id, id),
    foreign key (district_id, goal_id) references goal (district_id, id) on delete cascade,
    foreign key (district_id, owner_id) references app_user (district_id, id)
);

create table strategy (
    district_id uuid not null,
    id uuid not null,
    goal_id uuid not null,
    title text not null,
    owner_id uuid,
    position int not null,
    primary key (district_id, id),
    foreign key (district_id, goal_id) references goal (district_id, id) on delete cascade,
    foreign key (district_id, owner_id) references app_user (district_id, id)
);

create table project (
    district_id uuid not null,
    id uuid not null,
    strategy_id uuid not null,
    title text not null,
    owner_id uuid,
    position int not null,
    status text not null default 'NOT_STARTED' check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED')),
    due_date date,
    primary key (district_id, id),
    foreign key (district_id, strategy_id) references strategy (district_id, id) on delete cascade,
    foreign key (district_id, owner_id) references app_user (district_id, id)
);

-- A school goal carries out one or more district goals, with the school's reason.
create table goal_alignment (
    district_id uuid not null,
    school_goal_id uuid not null,
    district_goal_id uuid not null,
    rationale text not null,
    primary key (district_id, school_goal_id, district_goal_id),
    foreign key (district_id, school_goal_id) references goal (district_id, id) on delete cascade,
    foreign key (district_id, district_goal_id) references goal (district_id, id) on delete cascade
);
