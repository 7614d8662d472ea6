-- Misuse reports from civil society and victims (issue 14; PMP-ACC-3 [R, unverified], JS-4, ECHRI-2/3). What is kept and why is in
-- docs/misuse-reports.md. Nothing here names the reporter of an anonymous report: no address, user agent or account.

CREATE SEQUENCE misuse_report_reference_seq;

CREATE TABLE misuse_report (
    id                 UUID                     PRIMARY KEY,
    -- Public reference, e.g. MR-2026-00012: cited on the ledger, in licence review flags and in case notes.
    reference          VARCHAR(20)              NOT NULL UNIQUE,
    -- SHA-256 of the receipt (the receipt itself is shown once and never stored); the index column is its first
    -- bytes, to find the row before the full hash is compared in constant time.
    receipt_index      VARCHAR(16)              NOT NULL,
    receipt_hash       BYTEA                    NOT NULL,
    -- Set only when a signed-in civil-society organisation files under its name; NULL for an anonymous report.
    organisation_id    UUID                     REFERENCES organisation (id),
    vendor             VARCHAR(200),
    product            VARCHAR(200),
    operator           VARCHAR(200),
    country            VARCHAR(2),
    seen_from          DATE,
    seen_until         DATE,
    target_kinds       JSONB                    NOT NULL DEFAULT '[]',
    discovery          VARCHAR(40)              NOT NULL,
    -- The reporter's account, encrypted with the report's key (nonce || AES-GCM ciphertext).
    account            BYTEA                    NOT NULL,
    -- The report's data key, wrapped by the instance key (nonce || AES-GCM ciphertext).
    wrapped_key        BYTEA                    NOT NULL,
    status             VARCHAR(20)              NOT NULL,
    evidence_rating    VARCHAR(20),
    source_reliability VARCHAR(30),
    outcome            VARCHAR(30),
    outcome_reasons    VARCHAR(4000),
    action_taken       BOOLEAN                  NOT NULL DEFAULT FALSE,
    -- Day of receipt only: a precise time could be matched against network logs elsewhere.
    received_on        DATE                     NOT NULL,
    assessed_at        TIMESTAMP WITH TIME ZONE,
    assessed_by        UUID                     REFERENCES app_user (id),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX misuse_report_receipt ON misuse_report (receipt_index);
CREATE INDEX misuse_report_queue ON misuse_report (status, received_on);
CREATE INDEX misuse_report_by_organisation ON misuse_report (organisation_id) WHERE organisation_id IS NOT NULL;

-- Evidence files and bundles: content encrypted with the report's key; the SHA-256 is of the plaintext.
CREATE TABLE misuse_evidence (
    id          UUID         PRIMARY KEY,
    report_id   UUID         NOT NULL REFERENCES misuse_report (id),
    position    INTEGER      NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    media_type  VARCHAR(60)  NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    indicators  INTEGER      NOT NULL DEFAULT 0,
    content     BYTEA        NOT NULL,
    UNIQUE (report_id, position)
);

-- Normalised indicators of compromise from the report's STIX bundles, to match later reports and the catalogue.
CREATE TABLE misuse_indicator (
    report_id UUID         NOT NULL REFERENCES misuse_report (id),
    kind      VARCHAR(20)  NOT NULL,
    value     VARCHAR(500) NOT NULL,
    PRIMARY KEY (report_id, kind, value)
);
CREATE INDEX misuse_indicator_value ON misuse_indicator (kind, value);

-- Two-way messages between the reporter (with the receipt, or the filing organisation) and the authority.
CREATE TABLE misuse_message (
    id        UUID                     PRIMARY KEY,
    report_id UUID                     NOT NULL REFERENCES misuse_report (id),
    author    VARCHAR(20)              NOT NULL,
    body      VARCHAR(4000)            NOT NULL,
    sent_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX misuse_message_by_report ON misuse_message (report_id, sent_at);

-- What a triage linked the report to: vendors, products, end users (name key and country), licences and cases.
CREATE TABLE misuse_link (
    report_id UUID         NOT NULL REFERENCES misuse_report (id),
    kind      VARCHAR(20)  NOT NULL,
    label     VARCHAR(500) NOT NULL,
    name_key  VARCHAR(500) NOT NULL,
    country   VARCHAR(2)   NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, kind, name_key, country)
);
CREATE INDEX misuse_link_by_name ON misuse_link (kind, name_key);
