create table audit_event (
    district_id uuid not null,
    id uuid not null,
    at timestamptz not null,
    actor text not null,
    entity_type text not null,
    entity_id uuid not null,
    action text not null,
    summary text not null,
    before_state jsonb,
    after_state jsonb,
    primary key (district_id, id)
);
create index audit_event_entity on audit_event (district_id, entity_id, at desc);

create table sign_in_attempt (
    email text not null,
    at timestamptz not null
);
