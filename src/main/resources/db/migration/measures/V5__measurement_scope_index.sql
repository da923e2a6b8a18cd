-- The scorecards, the plan page and the KPI page read one scope (the district or one school, one student group) of
-- many KPIs. The unique index starts with the KPI and the year, so such a read went through every school's and group's
-- values of the district (about a million rows in a large one). This index finds a scope's values directly; the
-- coalesce matches the unique index's, so that the district's own values (school_id null) are found by equality too.
-- (V4 is left to the migration that adds version columns, written at the same time.)
create index measurement_scope on measurement (
    district_id, group_code, coalesce(school_id, '00000000-0000-0000-0000-000000000000'), kpi_id, school_year, period);
