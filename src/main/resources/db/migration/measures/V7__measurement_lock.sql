-- A quarter of a school year locked for a KPI's values when the quarterly review of its plan was signed off (quarter
-- 1 to 4), or the whole school year when the year-end evaluation was completed (quarter 0). Values of a locked period
-- are recorded, replaced or imported by a district admin only, with a reason that the audit log keeps. A lock is never
-- edited: it is made once and stays.
create table measurement_lock (
    district_id uuid not null,
    id uuid not null,
    kpi_id uuid not null,
    school_year int not null,
    quarter int not null check (quarter between 0 and 4),
    locked_at timestamptz not null,
    locked_by text not null,
    primary key (district_id, id),
    unique (district_id, kpi_id, school_year, quarter),
    foreign key (district_id, kpi_id) references kpi (district_id, id) on delete cascade
);
