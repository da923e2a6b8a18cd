create table kpi (
    district_id uuid not null,
    id uuid not null,
    outcome_id uuid not null,
    name text not null,
    unit text not null check (unit in ('PERCENT', 'COUNT', 'RATE', 'SCORE', 'CURRENCY')),
    direction text not null check (direction in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    baseline_value numeric(14, 4) not null,
    baseline_year int not null,
    frequency text not null check (frequency in ('ANNUAL', 'SEMESTER', 'QUARTERLY', 'MONTHLY')),
    data_source text,
    owner_id uuid,
    by_student_group boolean not null default false,
    published boolean not null default false,
    position int not null,
    primary key (district_id, id),
    foreign key (district_id, outcome_id) references outcome (district_id, id) on delete cascade,
    foreign key (district_id, owner_id) references app_user (district_id, id)
);

-- Interim and end targets by school year (the fall year: 2027 means 2027-28).
create table kpi_target (
    district_id uuid not null,
    kpi_id uuid not null,
    school_year int not null,
    value numeric(14, 4) not null,
    primary key (district_id, kpi_id, school_year),
    foreign key (district_id, kpi_id) references kpi (district_id, id) on delete cascade
);

-- One value per KPI, school year, period within the year, scope (district or a school) and student group.
create table measurement (
    district_id uuid not null,
    id uuid not null,
    kpi_id uuid not null,
    school_year int not null,
    period int not null default 0,
    school_id uuid,
    group_code text not null default 'ALL',
    value numeric(14, 4) not null,
    n int check (n is null or n >= 0),
    recorded_at timestamptz not null,
    recorded_by text not null,
    primary key (district_id, id),
    foreign key (district_id, kpi_id) references kpi (district_id, id) on delete cascade,
    foreign key (district_id, school_id) references school (district_id, id),
    foreign key (district_id, group_code) references student_group (district_id, code)
);
create unique index measurement_cell on measurement (
    district_id, kpi_id, school_year, period, coalesce(school_id, '00000000-0000-0000-0000-000000000000'), group_code);
