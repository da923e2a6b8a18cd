-- An action merged into another (two actions of the year's improvement plans that said the same thing): it is marked
-- removed, like a removed strategy, and says which action it went into, when and by whom; its row and history stay.
alter table strategy add column merged_into uuid,
    add column merged_at timestamptz,
    add column merged_by text,
    add foreign key (district_id, merged_into) references strategy (district_id, id);
create index strategy_merged_into on strategy (district_id, merged_into) where merged_into is not null;
