-- Funding sources a district adds beside the built-in ones (Title I, Part A ... other): a state grant, a foundation's
-- grant, a local levy, by name in English and Spanish. Costs and allocations carry the fund's code, as they do for the
-- built-in funds, so a source in use is retired (kept, offered no more for new costs) rather than deleted.
create table funding_source (
    district_id uuid not null references district (id),
    id uuid not null,
    code text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_en text check (length(name_en) <= 120),
    name_es text check (length(name_es) <= 120),
    kind text check (kind in ('FEDERAL', 'STATE', 'LOCAL', 'GRANT', 'OTHER')),
    retired boolean not null default false,
    version int not null default 0,
    primary key (district_id, id),
    unique (district_id, code),
    check (name_en is not null or name_es is not null)
);
