-- Webhooks a district admin registers: where Lodestar posts (https; http and private addresses only when the
-- installation allows them), the secret each delivery is signed with (HMAC-SHA256; kept as given, since signing needs
-- it, and shown once), the events chosen, and whether it is on.
create table webhook (
    district_id uuid not null references district (id),
    id uuid not null,
    url text not null check (length(url) <= 2000),
    secret text not null,
    events text not null,
    enabled boolean not null default true,
    created_at timestamptz not null,
    created_by text not null,
    primary key (district_id, id)
);

-- One delivery of one event to one webhook, written in the transaction of its cause, then sent by the scheduled
-- sender: tried again after 1, 2, 4... minutes, and given up (FAILED) after the last try.
create table webhook_delivery (
    district_id uuid not null,
    id uuid not null,
    webhook_id uuid not null,
    event text not null,
    body text not null,
    status text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts int not null default 0,
    next_attempt_at timestamptz not null,
    created_at timestamptz not null,
    delivered_at timestamptz,
    primary key (district_id, id),
    foreign key (district_id, webhook_id) references webhook (district_id, id) on delete cascade
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_webhook on webhook_delivery (district_id, webhook_id, created_at desc);

-- Every attempt of a delivery: when, the HTTP status code received (null when none came) and the error.
create table webhook_attempt (
    district_id uuid not null,
    id uuid not null,
    delivery_id uuid not null,
    attempted_at timestamptz not null,
    status_code int,
    error text,
    duration_ms int not null,
    primary key (district_id, id),
    foreign key (district_id, delivery_id) references webhook_delivery (district_id, id) on delete cascade
);
create index webhook_attempt_delivery on webhook_attempt (district_id, delivery_id, attempted_at);

-- The status each KPI last had when a webhook watched it, so a change of status is told once.
create table webhook_kpi_status (
    district_id uuid not null references district (id),
    kpi_id uuid not null,
    status text not null,
    primary key (district_id, kpi_id)
);

-- A person's secret calendar feed: only the SHA-256 of its token is kept, so the database alone does not open it.
create table calendar_feed (
    district_id uuid not null,
    user_id uuid not null,
    token_hash text not null unique,
    created_at timestamptz not null,
    primary key (district_id, user_id),
    foreign key (district_id, user_id) references app_user (district_id, id)
);
