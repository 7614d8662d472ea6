-- Classification: the exporters' product register (every change is a new version), the classification
-- requests they send to the authority, and the rating the authority confirms or amends.

CREATE TABLE product (
    id              UUID                     PRIMARY KEY,
    organisation_id UUID                     NOT NULL REFERENCES organisation (id),
    current_version INT                      NOT NULL CHECK (current_version >= 1),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX product_by_organisation ON product (organisation_id);

-- A version is never changed once written: a classification request and its rating refer to one.
CREATE TABLE product_version (
    product_id  UUID                     NOT NULL REFERENCES product (id),
    version     INT                      NOT NULL CHECK (version >= 1),
    name        VARCHAR(200)             NOT NULL,
    reference   VARCHAR(100),
    summary     VARCHAR(2000),
    -- Questionnaire answers: question id to option ids, as org.pallas.classification.questionnaire.Answers.
    answers     JSONB                    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID                     REFERENCES app_user (id),
    PRIMARY KEY (product_id, version)
);

CREATE TABLE classification_request (
    id                     UUID                     PRIMARY KEY,
    product_id             UUID                     NOT NULL,
    product_version        INT                      NOT NULL,
    organisation_id        UUID                     NOT NULL REFERENCES organisation (id),
    status                 VARCHAR(20)              NOT NULL CHECK (status IN ('SUBMITTED', 'CONFIRMED', 'AMENDED')),
    note                   VARCHAR(2000),
    -- The engine's proposal when submitted, and the reference data it was computed with.
    proposal               JSONB                    NOT NULL,
    reference_data_version VARCHAR(100)             NOT NULL,
    reference_data_sha256  CHAR(64)                 NOT NULL,
    submitted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by           UUID                     REFERENCES app_user (id),
    -- The caseworker's decision: the rating licensing uses, with reasons.
    rating                 JSONB,
    decision_reasons       VARCHAR(4000),
    decided_at             TIMESTAMP WITH TIME ZONE,
    decided_by             UUID                     REFERENCES app_user (id),
    FOREIGN KEY (product_id, product_version) REFERENCES product_version (product_id, version),
    CHECK ((status = 'SUBMITTED') = (rating IS NULL)),
    CHECK ((status = 'SUBMITTED') = (decided_at IS NULL))
);
CREATE INDEX classification_request_by_product ON classification_request (product_id, submitted_at);
CREATE INDEX classification_request_by_organisation ON classification_request (organisation_id, submitted_at);
-- At most one open request per product.
CREATE UNIQUE INDEX classification_request_one_open ON classification_request (product_id) WHERE status = 'SUBMITTED';
