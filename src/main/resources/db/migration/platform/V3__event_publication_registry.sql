-- Spring Modulith's event publication registry (its JDBC schema v2 for PostgreSQL). An event one module publishes for
-- another is stored here in the publisher's transaction and marked complete when its listener's transaction commits,
-- so an event whose listener failed or never ran (a crash between the two) is still here to be handed out again.
create table event_publication (
    id uuid not null,
    listener_id text not null,
    event_type text not null,
    serialized_event text not null,
    publication_date timestamptz not null,
    completion_date timestamptz,
    status text,
    completion_attempts int,
    last_resubmission_date timestamptz,
    primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
