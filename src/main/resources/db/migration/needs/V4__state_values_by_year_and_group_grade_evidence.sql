-- A state's value of a metric is a fact about the state in one school year and for one student group ('ALL' for all
-- students), the same for every assessment of the district: it was one number per assessment and metric. A value
-- entered on an assessment moves to all students of that assessment's school year; where two assessments of the same
-- year held a value for the same metric, the district's assessment's is kept (else the earliest assessment's).
create table cna_state_value_by_year (
    district_id uuid not null,
    metric_id uuid not null,
    school_year int not null check (school_year between 2000 and 2100),
    group_code text not null default 'ALL' check (length(group_code) between 1 and 40),
    value numeric(14, 4) not null,
    recorded_by text not null,
    recorded_at timestamptz not null,
    version int not null default 0,
    primary key (district_id, metric_id, school_year, group_code),
    foreign key (district_id, metric_id) references cna_metric (district_id, id) on delete cascade
);

insert into cna_state_value_by_year (district_id, metric_id, school_year, group_code, value, recorded_by, recorded_at)
select distinct on (s.district_id, s.metric_id, c.school_year)
       s.district_id, s.metric_id, c.school_year, 'ALL', s.value, c.created_by, c.created_at
  from cna_state_value s
  join cna c on c.district_id = s.district_id and c.id = s.assessment_id
 where c.school_year between 2000 and 2100
 order by s.district_id, s.metric_id, c.school_year, c.school_id nulls first, c.created_at;

drop table cna_state_value;
alter table cna_state_value_by_year rename to cna_state_value;
alter table cna_state_value rename constraint cna_state_value_by_year_pkey to cna_state_value_pkey;

-- Evidence of a grade's value ('' = all grades), compared with the same school's all grades (ALL_GRADES) or the
-- district's same grade (DISTRICT).
alter table need_evidence add column grade text not null default '';
alter table need_evidence drop constraint need_evidence_against_check;
alter table need_evidence add constraint need_evidence_against_check
    check (against in ('ALL_STUDENTS', 'DISTRICT', 'STATE', 'ALL_GRADES'));
