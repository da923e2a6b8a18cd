-- A district is the tenant: every other tenant table carries district_id and keys on (district_id, id).
create table district (
    id uuid primary key,
    name text not null,
    slug text not null unique,
    sample_data boolean not null default false,
    tier_goal text not null default 'Goal',
    tier_outcome text not null default 'Outcome',
    tier_kpi text not null default 'KPI',
    tier_strategy text not null default 'Strategy',
    tier_project text not null default 'Project',
    school_year_start_month int not null default 7 check (school_year_start_month between 1 and 12),
    minimum_n int not null default 10 check (minimum_n between 1 and 100),
    status_tolerance_percent numeric(5, 2) not null default 5 check (status_tolerance_percent between 0 and 100),
    default_language text not null default 'en' check (default_language in ('en', 'es'))
);

create table school (
    district_id uuid not null references district (id),
    id uuid not null,
    name text not null,
    state_id text,
    level text not null check (level in ('ELEMENTARY', 'MIDDLE', 'HIGH', 'OTHER')),
    lowest_grade text not null,
    highest_grade text not null,
    capacity int check (capacity is null or capacity >= 0),
    address text,
    primary key (district_id, id),
    unique (district_id, name)
);

create table app_user (
    district_id uuid not null references district (id),
    id uuid not null,
    email text not null,
    display_name text not null,
    password_hash text,
    active boolean not null default true,
    failed_sign_ins int not null default 0,
    locked_until timestamptz,
    language text check (language in ('en', 'es')),
    primary key (district_id, id)
);
-- An e-mail address signs in to exactly one district.
create unique index app_user_email on app_user (lower(email));

create table role_grant (
    district_id uuid not null,
    id uuid not null,
    user_id uuid not null,
    role text not null check (role in ('DISTRICT_ADMIN', 'PLANNER', 'SCHOOL_LEADER', 'CONTRIBUTOR', 'VIEWER')),
    school_id uuid,
    primary key (district_id, id),
    foreign key (district_id, user_id) references app_user (district_id, id) on delete cascade,
    foreign key (district_id, school_id) references school (district_id, id) on delete cascade
);
create unique index role_grant_unique on role_grant (district_id, user_id, role, coalesce(school_id, '00000000-0000-0000-0000-000000000000'));

create table api_token (
    district_id uuid not null,
    id uuid not null,
    user_id uuid not null,
    name text not null,
    token_hash text not null unique,
    created_at timestamptz not null,
    revoked_at timestamptz,
    primary key (district_id, id),
    foreign key (district_id, user_id) references app_user (district_id, id) on delete cascade
);

-- Student groups that results are broken down by. A family whose groups together make up every student
-- (race/ethnicity, say) lets a hidden cell be derived from the total, which complementary suppression prevents.
create table student_group (
    district_id uuid not null references district (id),
    code text not null,
    name_en text not null,
    name_es text not null,
    family text not null,
    position int not null,
    primary key (district_id, code)
);
