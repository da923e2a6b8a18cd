-- Every tier has an English and a Spanish name, so that Spanish pages do not show English column headers. Spanish
-- defaults follow district usage (meta, resultado, indicador, estrategia, proyecto); a Spanish-speaking district that
-- named its tiers already most likely typed Spanish names, which are kept for Spanish too.
alter table district add column tier_goal_es text not null default 'Meta',
    add column tier_outcome_es text not null default 'Resultado',
    add column tier_kpi_es text not null default 'Indicador',
    add column tier_strategy_es text not null default 'Estrategia',
    add column tier_project_es text not null default 'Proyecto';
update district set tier_goal_es = tier_goal, tier_outcome_es = tier_outcome, tier_kpi_es = tier_kpi,
    tier_strategy_es = tier_strategy, tier_project_es = tier_project
 where default_language = 'es'
   and (tier_goal, tier_outcome, tier_kpi, tier_strategy, tier_project)
       <> ('Goal', 'Outcome', 'KPI', 'Strategy', 'Project');
