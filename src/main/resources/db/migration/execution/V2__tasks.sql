-- Projects get the six statuses of issue 10 (IN_PROGRESS becomes ON_TRACK), a start, a percent complete, a
-- description and the people involved; under them tasks and milestones (a milestone is a task with one date, so that
-- it sits on the same board, list and timeline and can be depended on), finish-to-start dependencies between tasks,
-- and comments on projects and tasks. Every table is the district's: district_id in the key and in every reference.
alter table project drop constraint if exists project_status_check;
update project set status = 'ON_TRACK' where status = 'IN_PROGRESS';
alter table project
    add constraint project_status_check
        check (status in ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'DONE', 'BLOCKED')),
    add column start_date date,
    add column percent_complete int not null default 0 check (percent_complete between 0 and 100),
    add column description text,
    add constraint project_dates_in_order check (start_date is null or due_date is null or start_date <= due_date);

create table project_person (
    district_id uuid not null,
    project_id uuid not null,
    user_id uuid not null,
    primary key (district_id, project_id, user_id),
    foreign key (district_id, project_id) references project (district_id, id) on delete cascade,
    foreign key (district_id, user_id) references app_user (district_id, id)
);

create table task (
    district_id uuid not null,
    id uuid not null,
    project_id uuid not null,
    title text not null,
    owner_id uuid,
    start_date date,
    due_date date,
    status text not null default 'NOT_STARTED'
        check (status in ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'DONE', 'BLOCKED')),
    percent_complete int not null default 0 check (percent_complete between 0 and 100),
    milestone boolean not null default false,
    -- its place among its project's tasks, and its place in its status's column of the board
    position int not null,
    board_position int not null,
    version int not null default 0,
    created_at timestamptz not null default now(),
    primary key (district_id, id),
    foreign key (district_id, project_id) references project (district_id, id) on delete cascade,
    foreign key (district_id, owner_id) references app_user (district_id, id),
    check (start_date is null or due_date is null or start_date <= due_date),
    check (not milestone or start_date is null or start_date = due_date)
);
create index task_project on task (district_id, project_id, position);
create index task_owner on task (district_id, owner_id);
create index task_board on task (district_id, status, board_position);

create table task_person (
    district_id uuid not null,
    task_id uuid not null,
    user_id uuid not null,
    primary key (district_id, task_id, user_id),
    foreign key (district_id, task_id) references task (district_id, id) on delete cascade,
    foreign key (district_id, user_id) references app_user (district_id, id)
);

-- task_id starts only when depends_on_id has finished
create table task_dependency (
    district_id uuid not null,
    task_id uuid not null,
    depends_on_id uuid not null,
    primary key (district_id, task_id, depends_on_id),
    foreign key (district_id, task_id) references task (district_id, id) on delete cascade,
    foreign key (district_id, depends_on_id) references task (district_id, id) on delete cascade,
    check (task_id <> depends_on_id)
);
create index task_dependency_on on task_dependency (district_id, depends_on_id);

-- kept as written, never changed: listed newest first under the project or task
create table work_comment (
    district_id uuid not null,
    id uuid not null,
    project_id uuid not null,
    task_id uuid,
    author_id uuid not null,
    written_at timestamptz not null,
    body text not null check (length(body) between 1 and 4000),
    version int not null default 0,
    primary key (district_id, id),
    foreign key (district_id, project_id) references project (district_id, id) on delete cascade,
    foreign key (district_id, task_id) references task (district_id, id) on delete cascade,
    foreign key (district_id, author_id) references app_user (district_id, id)
);
create index work_comment_project on work_comment (district_id, project_id, written_at desc);
