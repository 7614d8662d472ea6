-- Issue 13: ledger availability and the results of the integrity check.

-- When the row was written, by the database's clock: the age of the oldest unsequenced entry says whether the
-- sequencer keeps up (LedgerAvailability). The database's clock, so that instances with skewed clocks agree.
ALTER TABLE ledger_entry ADD COLUMN written_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now();

-- One row per full run of the integrity check (scheduled or on demand) and per incremental run (after a
-- sequenced batch) that found a discrepancy. The latest row says whether the ledger is intact.
CREATE TABLE ledger_integrity_run (
    id            BIGSERIAL                PRIMARY KEY,
    kind          VARCHAR(20)              NOT NULL CHECK (kind IN ('FULL', 'INCREMENTAL')),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    entries       BIGINT                   NOT NULL CHECK (entries >= 0),
    rows_checked  BIGINT                   NOT NULL CHECK (rows_checked >= 0),
    discrepancies INT                      NOT NULL CHECK (discrepancies >= 0),
    -- [{subjectType, subjectId, entryIndex, problem}], at most the first 1000
    findings      JSONB                    NOT NULL
);
CREATE INDEX ledger_integrity_run_by_kind ON ledger_integrity_run (kind, id DESC);
