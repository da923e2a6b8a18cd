-- How many audited changes each district has had, counted once per transaction in the transaction itself. A page
-- computed from a district's data is cached under this number: any change makes a new number, so a cached page is
-- never served after a change, on this node or any other, at the cost of one read by primary key per request.
create table district_change (
    district_id uuid not null primary key,
    version bigint not null
);
