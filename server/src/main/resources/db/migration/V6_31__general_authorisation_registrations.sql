-- Registrations under published general-authorisation terms (general-authorisations.yaml) and the uses reported
-- under them. One registration per organisation and terms; both are recorded on the ledger.
CREATE TABLE licensing_ga_registration (
    id              UUID                     PRIMARY KEY,
    reference       VARCHAR(30)              NOT NULL UNIQUE,
    organisation_id UUID                     NOT NULL REFERENCES organisation (id),
    terms_id        VARCHAR(60)              NOT NULL,
    scope           JSONB                    NOT NULL,
    registered_by   UUID                     NOT NULL REFERENCES app_user (id),
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (organisation_id, terms_id)
);

CREATE SEQUENCE licensing_ga_registration_seq;

CREATE TABLE licensing_ga_use (
    id              UUID                     PRIMARY KEY,
    registration_id UUID                     NOT NULL REFERENCES licensing_ga_registration (id),
    used_on         DATE                     NOT NULL,
    destination     VARCHAR(2)               NOT NULL,
    end_user_name   VARCHAR(200)             NOT NULL,
    end_user_type   VARCHAR(30)              NOT NULL,
    control_entry   VARCHAR(40)              NOT NULL,
    quantity        INTEGER                  NOT NULL CHECK (quantity > 0),
    description     VARCHAR(2000)            NOT NULL,
    reported_by     UUID                     NOT NULL REFERENCES app_user (id),
    reported_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX licensing_ga_use_by_registration ON licensing_ga_use (registration_id, used_on DESC);
