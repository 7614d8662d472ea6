-- Licences after issue. licensing_licence_command is the source of truth: a licence is rebuilt by replaying its
-- commands through the domain Licence (seq 0 issues it from the approved case), each at its recorded time, so the
-- rules live only in the domain. licensing_licence holds the projection the pages, the queues and the ledger's
-- integrity check read; licensing_licence_event the history (from, to, actor, time, reason).

ALTER TABLE licensing_licence ADD COLUMN after_sales_until DATE;
ALTER TABLE licensing_licence ADD COLUMN allowed JSONB NOT NULL DEFAULT '{}';
ALTER TABLE licensing_licence ADD COLUMN used JSONB NOT NULL DEFAULT '{}';
ALTER TABLE licensing_licence ADD COLUMN reporting_duties JSONB NOT NULL DEFAULT '[]';
ALTER TABLE licensing_licence ADD COLUMN review_flags INTEGER NOT NULL DEFAULT 0;
ALTER TABLE licensing_licence ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
CREATE INDEX licensing_licence_live_until ON licensing_licence (status, valid_until);

CREATE TABLE licensing_licence_command (
    licence_id UUID                     NOT NULL REFERENCES licensing_licence (id),
    seq        INTEGER                  NOT NULL,
    kind       VARCHAR(40)              NOT NULL,
    actor      JSONB                    NOT NULL,
    payload    JSONB                    NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (licence_id, seq)
);

CREATE TABLE licensing_licence_event (
    licence_id  UUID                     NOT NULL REFERENCES licensing_licence (id),
    seq         INTEGER                  NOT NULL,
    event       VARCHAR(60)              NOT NULL,
    from_status VARCHAR(30)              NOT NULL,
    to_status   VARCHAR(30)              NOT NULL,
    actor_id    VARCHAR(100)             NOT NULL,
    reason      VARCHAR(4000)            NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (licence_id, seq)
);

-- The parties of each licence, to find every live licence involving a party (misuse evidence about an end user is
-- matched by normalised name and country across licences).
CREATE TABLE licensing_licence_party (
    licence_id UUID         NOT NULL REFERENCES licensing_licence (id),
    party_id   VARCHAR(100) NOT NULL,
    role       VARCHAR(40)  NOT NULL,
    name       VARCHAR(500) NOT NULL,
    name_key   VARCHAR(500) NOT NULL,
    country    VARCHAR(3),
    PRIMARY KEY (licence_id, party_id)
);
CREATE INDEX licensing_licence_party_by_name ON licensing_licence_party (name_key, country);

-- Each party of a submitted application is registered in the screening party register (organisation of the
-- applicant), so that it is re-screened whenever a list changes; a new alert on it flags the licences involving it.
CREATE TABLE licensing_screened_party (
    case_id            UUID         NOT NULL REFERENCES licensing_case (id),
    party_id           VARCHAR(100) NOT NULL,
    screening_party_id UUID         NOT NULL,
    PRIMARY KEY (case_id, party_id)
);
CREATE INDEX licensing_screened_party_by_screening ON licensing_screened_party (screening_party_id);
