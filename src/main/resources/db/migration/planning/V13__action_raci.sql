-- RACI per action (issue 10): who is Responsible, Accountable, Consulted and Informed for each action (a strategy of a
-- plan). One row per action carries the version its edits check and raise (optimistic locking, the whole chart is
-- saved at once); one row per person holding letters on it, a person may hold several. Exactly one Accountable is the
-- rule, but plans are drafted in stages: an action with none or several is flagged on the pages, never refused here.
create table action_raci (
    district_id uuid not null,
    strategy_id uuid not null,
    version int not null default 0,
    primary key (district_id, strategy_id),
    foreign key (district_id, strategy_id) references strategy (district_id, id)
);

create table action_raci_person (
    district_id uuid not null,
    strategy_id uuid not null,
    person_id uuid not null,
    responsible boolean not null default false,
    accountable boolean not null default false,
    consulted boolean not null default false,
    informed boolean not null default false,
    primary key (district_id, strategy_id, person_id),
    foreign key (district_id, strategy_id) references action_raci (district_id, strategy_id) on delete cascade,
    foreign key (district_id, person_id) references app_user (district_id, id),
    check (responsible or accountable or consulted or informed)
);
create index action_raci_person_person on action_raci_person (district_id, person_id);
