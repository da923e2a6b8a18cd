-- Plan versions (issue 10): adopting a plan freezes a version of it, and changing an adopted plan starts with the
-- reason for the change, which freezes the plan as it stood before. Each row keeps the plan's items as they were
-- (one object per item, keyed by the item's id, so a reordered or renamed item is the same item), never changed.
create table plan_version (
    district_id uuid not null,
    id uuid not null,
    plan_id uuid not null,
    number int not null check (number > 0),
    kind text not null check (kind in ('ADOPTED', 'REVISION')),
    reason text check (reason is null or length(reason) between 1 and 1000),
    made_by text not null,
    made_at timestamptz not null,
    items jsonb not null,
    primary key (district_id, id),
    unique (district_id, plan_id, number),
    foreign key (district_id, plan_id) references plan (district_id, id) on delete cascade,
    check (kind = 'ADOPTED' or reason is not null)
);
