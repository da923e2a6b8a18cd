-- A KPI no longer disappears with its outcome. Planning never deletes an outcome row (it marks it removed) and
-- measures archives the outcome's KPIs when it hears of the removal: the KPI, its targets and its measurements stay,
-- hidden from scorecards and the public page. The foreign key restricts, so a hard delete of a measured outcome
-- fails instead of silently taking years of measurements with it.
alter table kpi add column archived_at timestamptz, add column archived_by text;
alter table kpi drop constraint kpi_district_id_outcome_id_fkey;
alter table kpi add constraint kpi_outcome_fkey
    foreign key (district_id, outcome_id) references outcome (district_id, id) on delete restrict;
