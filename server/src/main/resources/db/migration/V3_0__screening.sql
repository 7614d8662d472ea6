-- Screening: list versions (with their files, so the index can be rebuilt at start), the party
-- register, screening results, alerts and the search history.

-- One row per complete import. A version is inserted only once its import has finished, in the same
-- transaction as the re-screening of parties against its delta, so a half-read list never exists here.
create table screening_list_version (
    id            uuid primary key,
    source        text        not null,
    format        text        not null,
    published_on  date,
    content_hash  text        not null,  -- SHA-256 over the files' SHA-256s, in order
    entry_count   integer     not null,
    malformed     integer     not null,
    delta_added   integer     not null,
    delta_changed integer     not null,
    delta_removed integer     not null,
    report        text        not null,  -- the import report as JSON (files, counts, malformed rows, notes)
    imported_at   timestamptz not null,
    imported_by   uuid,                  -- null: the system (bundled lists)
    label         text        not null   -- source@date#hash, as results record it
);
create index screening_list_version_source on screening_list_version (source, imported_at desc);

create table screening_list_file (
    version_id uuid    not null references screening_list_version (id),
    position   integer not null,
    name       text    not null,
    content    bytea   not null,
    primary key (version_id, position)
);

-- Marks that the bundled lists should be loaded (written by the demo seed, read at every start so an
-- interrupted first import resumes).
create table screening_bundled_lists (
    requested_at timestamptz not null
);

create table screening_party (
    id              uuid primary key,
    organisation_id uuid        not null references organisation (id),
    name            text        not null,
    kind            text        not null,
    country         text,
    birth_date      text,
    identifiers     text        not null,  -- newline-separated
    reference       text,                  -- the organisation's own reference (customer number ...)
    created_by      uuid        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    revision        integer     not null
);
create index screening_party_organisation on screening_party (organisation_id, name);

-- Every screening of a party: when, why, against which list versions, with what outcome.
create table screening_result (
    id              uuid primary key,
    party_id        uuid        not null references screening_party (id),
    organisation_id uuid        not null,
    screened_at     timestamptz not null,
    trigger         text        not null,  -- CREATED, CHANGED, LIST_UPDATE
    list_versions   text        not null,  -- newline-separated labels
    matches         integer     not null,
    alerts          integer     not null
);
create index screening_result_party on screening_result (party_id, screened_at desc);

create table screening_alert (
    id              uuid primary key,
    party_id        uuid             not null references screening_party (id),
    organisation_id uuid             not null,
    source          text             not null,
    entry_id        text             not null,
    entry_digest    text             not null,
    listed_name     text             not null,
    matched_name    text             not null,
    score           double precision not null,
    explanation     text             not null,  -- newline-separated steps
    list_version    text             not null,
    status          text             not null,  -- OPEN, CONFIRMED, CLEARED, LAPSED
    reason          text,
    decided_by      uuid,
    decided_at      timestamptz,
    raised_at       timestamptz      not null,
    updated_at      timestamptz      not null,
    unique (party_id, source, entry_id)
);
create index screening_alert_queue on screening_alert (organisation_id, status, raised_at);
create index screening_alert_entry on screening_alert (source, entry_id);

-- Ad-hoc searches, kept so a user can show what was screened and when (per organisation).
create table screening_search (
    id              uuid primary key,
    organisation_id uuid        not null,
    user_id         uuid        not null,
    searched_at     timestamptz not null,
    name            text        not null,
    kind            text        not null,
    list_versions   text        not null,
    matches         integer     not null,
    alerts          integer     not null
);
create index screening_search_organisation on screening_search (organisation_id, searched_at desc);
