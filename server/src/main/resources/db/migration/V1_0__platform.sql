-- Platform tables: Spring Session (sessions shared by every server instance), the Spring Modulith
-- event publication registry, demo seeding bookkeeping and the oversight read log.

CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

CREATE TABLE event_publication (
    id                     UUID                     NOT NULL,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- One row per demo seed that has run, so each seed runs once even when later modules add seeds.
CREATE TABLE demo_seed (
    name      VARCHAR(200)             PRIMARY KEY,
    seeded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every read by an OVERSIGHT user is recorded here (who read what, when).
CREATE TABLE oversight_read_log (
    id              BIGSERIAL                PRIMARY KEY,
    user_id         UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    subject_type    VARCHAR(100)             NOT NULL,
    subject_id      VARCHAR(200)             NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oversight_read_log_by_user ON oversight_read_log (user_id, read_at);
