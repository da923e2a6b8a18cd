-- An annual improvement plan (a plan of kind IMPROVEMENT, one school year) carries out a strategic plan; a school's
-- may also carry out the district's improvement plan of the same year.
create table improvement_plan (
    district_id uuid not null,
    plan_id uuid not null,
    strategic_plan_id uuid not null,
    district_improvement_plan_id uuid,
    primary key (district_id, plan_id),
    foreign key (district_id, plan_id) references plan (district_id, id) on delete cascade,
    foreign key (district_id, strategic_plan_id) references plan (district_id, id),
    foreign key (district_id, district_improvement_plan_id) references plan (district_id, id)
);

-- The strategic goal an improvement plan's goal was taken from.
create table improvement_goal (
    district_id uuid not null,
    goal_id uuid not null,
    strategic_goal_id uuid not null,
    primary key (district_id, goal_id),
    foreign key (district_id, goal_id) references goal (district_id, id),
    foreign key (district_id, strategic_goal_id) references goal (district_id, id)
);

-- What an improvement plan says of an action (a strategy of the plan) beyond its title and owner. Every field is
-- optional; the plan-quality review says what is missing.
create table action_detail (
    district_id uuid not null,
    strategy_id uuid not null,
    description text,
    start_date date,
    end_date date,
    people uuid[] not null default '{}',
    resources text,
    needs text,
    evidence_tier text check (evidence_tier in ('STRONG', 'MODERATE', 'PROMISING', 'DEMONSTRATES_A_RATIONALE')),
    evidence_basis text,
    implementation_evidence text,
    impact_evidence text,
    student_groups text[] not null default '{}',
    taken_from_strategy_id uuid,
    version int not null default 0,
    primary key (district_id, strategy_id),
    foreign key (district_id, strategy_id) references strategy (district_id, id),
    check (end_date is null or start_date is null or end_date >= start_date)
);

-- An action's planned cost from one funding source, for one purpose the funding rules tell apart.
create table action_cost (
    district_id uuid not null,
    id uuid not null,
    strategy_id uuid not null,
    fund text not null,
    purpose text not null check (purpose in ('GENERAL', 'ADMINISTRATION', 'PARENT_FAMILY_ENGAGEMENT', 'WELL_ROUNDED',
        'SAFE_AND_HEALTHY', 'TECHNOLOGY', 'TECHNOLOGY_INFRASTRUCTURE')),
    amount numeric(14, 2) not null check (amount >= 0),
    primary key (district_id, id),
    foreign key (district_id, strategy_id) references strategy (district_id, id)
);
create index action_cost_strategy on action_cost (district_id, strategy_id);

-- A goal, outcome or action tagged with a required-plan component it satisfies.
create table compliance_tag (
    district_id uuid not null,
    item_id uuid not null,
    item_kind text not null check (item_kind in ('GOAL', 'OUTCOME', 'ACTION')),
    framework_code text not null,
    component_code text not null,
    tagged_by text not null,
    tagged_at timestamptz not null default now(),
    primary key (district_id, item_id, framework_code, component_code)
);
create index compliance_tag_framework on compliance_tag (district_id, framework_code);

-- What the district receives of each fund in a school year, for the funding rules.
create table fund_allocation (
    district_id uuid not null references district (id),
    school_year int not null,
    fund text not null,
    amount numeric(14, 2) not null check (amount >= 0),
    version int not null default 0,
    primary key (district_id, school_year, fund)
);
