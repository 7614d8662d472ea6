-- Policy: reviewed changes to the rulebook. A change replaces one rule file of the active rulebook and names the
-- version it creates; it takes effect only when a second person (a senior officer, not the proposer) approves it.
-- Approved changes are replayed in order at start-up, so every version this server activated stays loadable and an
-- assessment can be re-run against the version it recorded.

CREATE TABLE rulebook_change (
    id              UUID                     PRIMARY KEY,
    base_version    VARCHAR(100)             NOT NULL,
    new_version     VARCHAR(100)             NOT NULL,
    new_hash        CHAR(64)                 NOT NULL,
    file_name       VARCHAR(100)             NOT NULL,
    content         TEXT                     NOT NULL,
    reason          VARCHAR(2000)            NOT NULL,
    status          VARCHAR(20)              NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_by     UUID                     NOT NULL REFERENCES app_user (id),
    proposed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by      UUID                     REFERENCES app_user (id),
    decided_at      TIMESTAMP WITH TIME ZONE,
    CHECK ((status = 'PROPOSED') = (decided_by IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE UNIQUE INDEX rulebook_change_approved_version ON rulebook_change (new_version) WHERE status = 'APPROVED';
CREATE INDEX rulebook_change_by_status ON rulebook_change (status, decided_at);
