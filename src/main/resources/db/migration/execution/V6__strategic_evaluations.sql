-- The annual formative evaluation of a strategic plan is kept in the same tables as the year-end evaluation of an
-- improvement plan, one per school year of the plan's cycle: school_year names the year evaluated (null for an
-- improvement plan, whose one school year it is). A strategic plan's evaluation makes no plan (next_plan_id stays
-- null) and several years' evaluations of the same plan are kept side by side.
alter table year_end_evaluation add column school_year int;

alter table year_end_evaluation drop constraint year_end_evaluation_district_id_plan_id_key;

create unique index year_end_evaluation_plan_year on year_end_evaluation (district_id, plan_id, coalesce(school_year, 0));
