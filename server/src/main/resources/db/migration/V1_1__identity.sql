-- Identity: organisations, users, roles, personal access tokens and sign-in throttling.

CREATE TABLE organisation (
    id         UUID                     PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    kind       VARCHAR(40)              NOT NULL CHECK (kind IN ('EXPORTER', 'LICENSING_AUTHORITY',
                   'ADVISORY_DEPARTMENT', 'OVERSIGHT_BODY', 'CIVIL_SOCIETY')),
    country    CHAR(2),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX organisation_name_unique ON organisation (lower(name));

CREATE TABLE app_user (
    id              UUID                     PRIMARY KEY,
    organisation_id UUID                     NOT NULL REFERENCES organisation (id),
    username        VARCHAR(100)             NOT NULL,
    display_name    VARCHAR(200)             NOT NULL,
    email           VARCHAR(254),
    password_hash   VARCHAR(200),
    team            VARCHAR(40) CHECK (team IN ('HUMAN_RIGHTS', 'NATIONAL_SECURITY', 'DEFENCE')),
    oidc_subject    VARCHAR(255),
    enabled         BOOLEAN                  NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX app_user_username_unique ON app_user (lower(username));
CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email));
CREATE UNIQUE INDEX app_user_oidc_subject_unique ON app_user (oidc_subject);
CREATE INDEX app_user_by_organisation ON app_user (organisation_id);

CREATE TABLE user_role (
    user_id UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    VARCHAR(30) NOT NULL CHECK (role IN ('EXPORTER', 'CASEWORKER', 'ADVISER', 'SENIOR_OFFICER',
                'OVERSIGHT', 'AUDITOR', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

-- Only the SHA-256 of a token is stored; the token itself is shown once.
CREATE TABLE api_token (
    id           UUID                     PRIMARY KEY,
    user_id      UUID                     NOT NULL REFERENCES app_user (id),
    name         VARCHAR(100)             NOT NULL,
    token_hash   BYTEA                    NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_by_user ON api_token (user_id);

-- Keyed by the normalised username as typed, whether or not such a user exists, so throttling
-- behaves the same for unknown usernames and does not reveal which accounts exist.
CREATE TABLE sign_in_throttle (
    username_key    VARCHAR(100)             PRIMARY KEY,
    failures        INT                      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE
);
