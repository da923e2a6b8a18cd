-- A comprehensive needs assessment (CNA): the district's (school_id null) or one school's, for one school year.
create table cna (
    district_id uuid not null references district (id),
    id uuid not null,
    school_id uuid,
    school_year int not null,
    title text not null,
    created_by text not null,
    created_at timestamptz not null,
    version int not null default 0,
    primary key (district_id, id),
    foreign key (district_id, school_id) references school (district_id, id)
);
create unique index cna_scope on cna (
    district_id, coalesce(school_id, '00000000-0000-0000-0000-000000000000'), school_year);

-- A metric a CNA looks at, in one of the areas the federal guidance groups a CNA by. A metric may feed a KPI.
create table cna_metric (
    district_id uuid not null references district (id),
    id uuid not null,
    code text not null,
    name_en text not null,
    name_es text not null,
    area text not null check (area in ('STUDENT_ACHIEVEMENT', 'ATTENDANCE_AND_BEHAVIOR', 'CLIMATE_AND_SAFETY',
        'FAMILY_ENGAGEMENT', 'STAFF_QUALITY', 'CURRICULUM_AND_INSTRUCTION', 'TECHNOLOGY', 'ENROLLMENT')),
    unit text not null check (unit in ('PERCENT', 'COUNT', 'RATE', 'SCORE')),
    direction text not null check (direction in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    about_students boolean not null default true,
    kpi_id uuid,
    version int not null default 0,
    primary key (district_id, id),
    unique (district_id, code)
);

-- A value of a metric: for the district (school_id null) or a school, all students ('ALL') or a student group, a
-- school year (the fall year), and, for assessments, a grade ('' = all grades). n is how many students it is computed
-- from; a percent is kept as a percent (87.5), not a share.
create table cna_value (
    district_id uuid not null,
    metric_id uuid not null,
    school_id uuid,
    group_code text not null default 'ALL',
    school_year int not null,
    grade text not null default '',
    value numeric(14, 4) not null,
    n int check (n is null or n >= 0),
    source text not null check (source in ('CSV', 'XLSX', 'EDFI', 'SAMPLE')),
    recorded_at timestamptz not null,
    recorded_by text not null,
    foreign key (district_id, metric_id) references cna_metric (district_id, id) on delete cascade,
    foreign key (district_id, school_id) references school (district_id, id)
);
create unique index cna_value_cell on cna_value (
    district_id, metric_id, coalesce(school_id, '00000000-0000-0000-0000-000000000000'), group_code, school_year,
    grade);

-- A need of an assessment: a candidate the data suggested or a team wrote, until the team confirms it (and gives it a
-- priority, 1 first), or merges it into another. What backs it up, its root cause and the items that answer it are
-- kept beside it.
create table need (
    district_id uuid not null,
    id uuid not null,
    assessment_id uuid not null,
    title text not null check (length(btrim(title)) > 0 and length(title) <= 300),
    description text,
    area text not null check (area in ('STUDENT_ACHIEVEMENT', 'ATTENDANCE_AND_BEHAVIOR', 'CLIMATE_AND_SAFETY',
        'FAMILY_ENGAGEMENT', 'STAFF_QUALITY', 'CURRICULUM_AND_INSTRUCTION', 'TECHNOLOGY', 'ENROLLMENT')),
    status text not null check (status in ('CANDIDATE', 'CONFIRMED', 'MERGED', 'DISMISSED')),
    priority int check (priority is null or priority > 0),
    merged_into uuid,
    created_by text not null,
    created_at timestamptz not null,
    version int not null default 0,
    primary key (district_id, id),
    foreign key (district_id, assessment_id) references cna (district_id, id) on delete cascade,
    foreign key (district_id, merged_into) references need (district_id, id)
);
create index need_assessment on need (district_id, assessment_id);
