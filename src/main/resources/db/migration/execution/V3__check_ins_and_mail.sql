-- Check-ins: an owner's word on an action (planning's strategy), a project or a KPI. Never edited in place: a
-- correction is a new check-in, so the history is what people said when they said it. The item is named by its kind
-- and id without a foreign key: KPIs are measures' (migrated after this module) and actions planning's.
create table check_in (
    district_id uuid not null references district (id),
    id uuid not null,
    item_kind text not null check (item_kind in ('ACTION', 'PROJECT', 'KPI')),
    item_id uuid not null,
    status text not null
        check (status in ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'DONE', 'BLOCKED')),
    what_happened text not null,
    what_we_learned text,
    what_changes text,
    author_id uuid not null,
    created_at timestamptz not null,
    primary key (district_id, id),
    foreign key (district_id, author_id) references app_user (district_id, id)
);
create index check_in_item on check_in (district_id, item_kind, item_id, created_at desc);

-- Evidence files, kept in the database; served only as attachments with the type they were stored with.
create table check_in_file (
    district_id uuid not null,
    id uuid not null,
    check_in_id uuid not null,
    position int not null,
    file_name text not null,
    content_type text not null,
    size_bytes int not null check (size_bytes between 1 and 10485760),
    content bytea not null,
    primary key (district_id, id),
    foreign key (district_id, check_in_id) references check_in (district_id, id)
);
create index check_in_file_check_in on check_in_file (district_id, check_in_id);

-- How often owners are asked for an update, per tier, and when a reminder and an escalation go out.
create table update_settings (
    district_id uuid not null references district (id),
    id uuid not null,
    action_cadence text not null default 'MONTHLY' check (action_cadence in ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'OFF')),
    project_cadence text not null default 'MONTHLY' check (project_cadence in ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'OFF')),
    kpi_cadence text not null default 'QUARTERLY' check (kpi_cadence in ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'OFF')),
    reminder_days int not null default 3 check (reminder_days between 0 and 30),
    escalation_days int not null default 7 check (escalation_days between 1 and 90),
    version int not null default 0,
    primary key (district_id, id),
    unique (district_id)
);

-- Every mail is written here first, in the transaction of what caused it; a scheduled sender delivers it when SMTP is
-- configured, retrying with back-off. Without SMTP mails wait, and admins read them in the app.
create table mail_outbox (
    district_id uuid not null references district (id),
    id uuid not null,
    recipient_id uuid,
    recipient text not null,
    language text not null check (language in ('en', 'es')),
    kind text not null check (kind in ('REQUEST', 'REMINDER', 'ESCALATION', 'DIGEST')),
    subject text not null,
    body_text text not null,
    body_html text not null,
    created_at timestamptz not null,
    status text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts int not null default 0,
    next_attempt_at timestamptz not null,
    sent_at timestamptz,
    last_error text,
    primary key (district_id, id),
    foreign key (district_id, recipient_id) references app_user (district_id, id)
);
create index mail_outbox_pending on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_newest on mail_outbox (district_id, created_at desc);

-- What was asked of whom, once: a request, reminder or escalation per item and period (the day the update fell due),
-- and a digest per planner and week. A second run of the job finds the row and sends nothing again.
create table update_notice (
    district_id uuid not null references district (id),
    id uuid not null,
    kind text not null check (kind in ('REQUEST', 'REMINDER', 'ESCALATION', 'DIGEST')),
    subject_key text not null,
    period date not null,
    noticed_on date not null,
    mail_id uuid not null,
    primary key (district_id, id),
    unique (district_id, kind, subject_key, period),
    foreign key (district_id, mail_id) references mail_outbox (district_id, id)
);
