-- A KPI's name may be given in the district's other language too (shown to readers of that language, else the name),
-- and a KPI may be about some levels of school only (graduation: high schools), so that a teacher's home page and the
-- schools one may record for list only the KPIs that fit; none listed means every school.
alter table kpi add column name_translation text,
    add column school_levels text[] not null default '{}'
        check (school_levels <@ array['ELEMENTARY', 'MIDDLE', 'HIGH', 'OTHER']::text[]);
