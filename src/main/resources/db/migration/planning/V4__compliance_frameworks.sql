-- A district's own versions of the required-plan frameworks. The frameworks shipped with Lodestar (files under
-- compliance/frameworks/) are in use as they are until a district changes one: then each change is a new row, the
-- highest version is the one in use, and no version is ever changed or deleted. A district's own framework (a state's
-- plan) lives only here. Hiding a framework is a version too, so it can be shown again.
create table compliance_framework (
    district_id uuid not null references district (id),
    id uuid not null,
    code text not null,
    version int not null check (version >= 1),
    document jsonb not null,
    hidden boolean not null default false,
    changed_by text not null,
    changed_at timestamptz not null default now(),
    primary key (district_id, id),
    -- two saves from the same reading both claim the next version; the second is refused (optimistic locking)
    unique (district_id, code, version)
);
