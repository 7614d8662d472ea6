-- Batch screening jobs started from the batch page: progress and results live here so any instance can show them.
-- A job belongs to the organisation of the user who started it; the run itself is recorded as a screening_search
-- row with the job's id (and so on the ledger).
create table screening_batch_job (
    id              uuid primary key,
    organisation_id uuid        not null,
    user_id         uuid        not null,
    created_at      timestamptz not null,
    file_name       text        not null,
    total           integer     not null,
    done            integer     not null default 0,
    alerts          integer     not null default 0,
    errors          integer     not null default 0,
    finished_at     timestamptz,
    failure         text
);
create index screening_batch_job_organisation on screening_batch_job (organisation_id, created_at desc);

create table screening_batch_result (
    job_id        uuid    not null references screening_batch_job (id) on delete cascade,
    line          integer not null,
    name          text    not null,
    best_match    text,
    source        text,
    entry_id      text,
    score         double precision,
    alert         boolean not null default false,
    explanation   text,
    error         text,
    list_versions text,
    primary key (job_id, line)
);
