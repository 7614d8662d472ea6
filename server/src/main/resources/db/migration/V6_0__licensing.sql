-- Licensing: cases with their applications, the commands that built them, their status transitions, licences.
-- The case aggregate is rebuilt by replaying licensing_case_command in order; the other tables are projections
-- written in the same transaction, for queues, filters and the trail.

CREATE TABLE licensing_case (
    id                 UUID                     PRIMARY KEY,
    organisation_id    UUID                     NOT NULL REFERENCES organisation (id),
    reference          VARCHAR(20)              NOT NULL UNIQUE,
    licence_type       VARCHAR(30)              NOT NULL,
    title              VARCHAR(200)             NOT NULL,
    status             VARCHAR(40)              NOT NULL,
    outcome            VARCHAR(30),
    route              VARCHAR(30),
    case_officer_id    UUID REFERENCES app_user (id),
    status_since       TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX licensing_case_by_organisation ON licensing_case (organisation_id, updated_at DESC);
CREATE INDEX licensing_case_queue ON licensing_case (status, route, status_since);

CREATE SEQUENCE licensing_case_reference_seq;

CREATE TABLE licensing_case_command (
    case_id    UUID                     NOT NULL REFERENCES licensing_case (id),
    seq        INTEGER                  NOT NULL,
    kind       VARCHAR(40)              NOT NULL,
    actor      JSONB                    NOT NULL,
    payload    JSONB                    NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, seq)
);

CREATE TABLE licensing_application_version (
    case_id    UUID                     NOT NULL REFERENCES licensing_case (id),
    version    INTEGER                  NOT NULL,
    details    JSONB                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(100)             NOT NULL,
    reason     VARCHAR(2000)            NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE TABLE licensing_case_transition (
    case_id     UUID                     NOT NULL REFERENCES licensing_case (id),
    seq         INTEGER                  NOT NULL,
    event       VARCHAR(60)              NOT NULL,
    from_status VARCHAR(40)              NOT NULL,
    to_status   VARCHAR(40)              NOT NULL,
    actor_id    VARCHAR(100)             NOT NULL,
    actor_roles VARCHAR(200)             NOT NULL,
    reason      VARCHAR(4000)            NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, seq)
);

CREATE TABLE licensing_licence (
    id              UUID                     PRIMARY KEY,
    reference       VARCHAR(30)              NOT NULL UNIQUE,
    case_id         UUID                     NOT NULL UNIQUE REFERENCES licensing_case (id),
    organisation_id UUID                     NOT NULL REFERENCES organisation (id),
    status          VARCHAR(30)              NOT NULL,
    valid_from      DATE                     NOT NULL,
    valid_until     DATE                     NOT NULL,
    conditions      JSONB                    NOT NULL,
    issued_by       UUID                     NOT NULL REFERENCES app_user (id),
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX licensing_licence_by_organisation ON licensing_licence (organisation_id);

-- The exporter's declarations the assessment reads that the application model does not carry yet (seam until the
-- classification module lands), and the assessment summary (regulator-only).
ALTER TABLE licensing_case ADD COLUMN declared_risk_tier INTEGER CHECK (declared_risk_tier BETWEEN 1 AND 4);
ALTER TABLE licensing_case ADD COLUMN end_use_category VARCHAR(40);
ALTER TABLE licensing_case ADD COLUMN assessment JSONB;

-- Uploaded end-user undertakings; the type is detected from the content, never from the name.
CREATE TABLE licensing_document (
    id              UUID                     PRIMARY KEY,
    case_id         UUID                     NOT NULL REFERENCES licensing_case (id),
    media_type      VARCHAR(100)             NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    sha256          CHAR(64)                 NOT NULL,
    content         BYTEA                    NOT NULL,
    uploaded_by     UUID                     NOT NULL REFERENCES app_user (id),
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX licensing_document_by_case ON licensing_document (case_id);
