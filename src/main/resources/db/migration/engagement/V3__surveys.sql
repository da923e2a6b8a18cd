-- Surveys of stakeholders, answered through a public link (no sign-in) or imported from another survey tool. Every
-- text a respondent reads is kept in English and in Spanish. Open-text answers are not kept here: they go to
-- engagement_comment (source SURVEY, source_id = the survey), where the themes group them.
create table survey (
    district_id uuid not null references district (id),
    id uuid not null,
    -- the public link's secret part (/s/{token}); random and unguessable
    token text not null unique,
    -- the key of the signed render time in the public form, per survey so that every node of a cluster shares it
    form_secret text not null,
    title_en text not null check (length(title_en) between 1 and 200),
    title_es text not null check (length(title_es) between 1 and 200),
    intro_en text not null default '' check (length(intro_en) <= 4000),
    intro_es text not null default '' check (length(intro_es) <= 4000),
    audiences text[] not null,
    closes_on date,
    state text not null check (state in ('DRAFT', 'OPEN', 'CLOSED')),
    -- a needs assessment of the needs module (no foreign key across modules)
    assessment_id uuid,
    version int not null default 0,
    created_by text not null,
    created_at timestamptz not null,
    primary key (district_id, id)
);

create table survey_question (
    district_id uuid not null,
    survey_id uuid not null,
    id uuid not null,
    position int not null,
    -- what an imported file's header may name the question by (q1, q2, ...)
    code text not null,
    kind text not null check (kind in ('LIKERT', 'SINGLE', 'MULTIPLE', 'RATING', 'OPEN')),
    text_en text not null check (length(text_en) between 1 and 500),
    text_es text not null check (length(text_es) between 1 and 500),
    options_en text[] not null default '{}',
    options_es text[] not null default '{}',
    -- a rating's scale: 5 (1 to 5) or 10 (0 to 10); null for other kinds
    scale_max int check (scale_max in (5, 10)),
    primary key (district_id, id),
    foreign key (district_id, survey_id) references survey (district_id, id) on delete cascade,
    unique (district_id, survey_id, code)
);

create table survey_response (
    district_id uuid not null,
    id uuid not null,
    survey_id uuid not null,
    audience text not null check (audience in ('TEACHERS', 'STAFF', 'FAMILIES', 'STUDENTS', 'COMMUNITY', 'ADMINISTRATORS')),
    language text not null check (language in ('en', 'es')),
    -- the SHA-256 of the answering browser's random cookie and the survey: one response per browser; null when imported
    browser_hash text,
    source text not null check (source in ('WEB', 'IMPORT', 'SAMPLE')),
    submitted_at timestamptz not null,
    primary key (district_id, id),
    foreign key (district_id, survey_id) references survey (district_id, id) on delete cascade,
    unique (district_id, survey_id, browser_hash)
);
create index survey_response_survey on survey_response (district_id, survey_id, submitted_at);

-- a closed answer: the Likert point (1-5), the rating (0-10), or the option's index (0-based) of a choice question;
-- a multiple-choice answer is one row per option ticked
create table survey_answer (
    district_id uuid not null,
    response_id uuid not null,
    question_id uuid not null,
    choice int not null check (choice between 0 and 100),
    primary key (district_id, response_id, question_id, choice),
    foreign key (district_id, response_id) references survey_response (district_id, id) on delete cascade,
    foreign key (district_id, question_id) references survey_question (district_id, id) on delete cascade
);
create index survey_answer_question on survey_answer (district_id, question_id);
