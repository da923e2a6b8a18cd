-- Counted enrollment: one number per school, fall year (2024 = 2024-25) and grade.
create table enrollment_count (
    district_id uuid not null,
    school_id uuid not null,
    school_year int not null,
    grade text not null check (grade in ('PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12')),
    students int not null check (students >= 0),
    primary key (district_id, school_id, school_year, grade),
    foreign key (district_id, school_id) references school (district_id, id) on delete cascade
);

-- Births in the district's area by calendar year: kindergarten five years later follows them.
create table enrollment_birth (
    district_id uuid not null references district (id),
    birth_year int not null,
    births int not null check (births >= 0),
    primary key (district_id, birth_year)
);

-- Class-size ratios and teacher attrition the staffing page uses.
create table enrollment_settings (
    district_id uuid primary key references district (id),
    ratio_k3 numeric(5, 2) not null default 20 check (ratio_k3 > 0),
    ratio_45 numeric(5, 2) not null default 24 check (ratio_45 > 0),
    ratio_secondary numeric(5, 2) not null default 26 check (ratio_secondary > 0),
    attrition_percent numeric(5, 2) not null default 10 check (attrition_percent between 0 and 100)
);

-- A named what-if on top of the base forecast: new housing, a charter school opening, or a boundary change.
create table enrollment_scenario (
    district_id uuid not null references district (id),
    id uuid not null,
    name text not null,
    kind text not null check (kind in ('HOUSING', 'CHARTER', 'BOUNDARY')),
    from_year int not null,
    school_id uuid,
    other_school_id uuid,
    share_percent numeric(5, 2),
    units int,
    students_per_unit_elementary numeric(6, 3),
    students_per_unit_middle numeric(6, 3),
    students_per_unit_high numeric(6, 3),
    primary key (district_id, id),
    foreign key (district_id, school_id) references school (district_id, id) on delete cascade,
    foreign key (district_id, other_school_id) references school (district_id, id) on delete cascade
);
