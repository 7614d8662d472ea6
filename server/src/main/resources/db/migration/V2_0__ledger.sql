-- The accountability ledger: one entry per recorded state change, sequenced into an RFC 9162 Merkle
-- log published as C2SP tlog-tiles with signed checkpoints. See docs/ledger-record-format.md.

-- Written in the transaction of the change it records; leaf_index is assigned by the sequencer.
CREATE TABLE ledger_entry (
    seq          BIGSERIAL                PRIMARY KEY,
    leaf_index   BIGINT                   UNIQUE,
    type         VARCHAR(100)             NOT NULL,
    subject_type VARCHAR(100)             NOT NULL,
    subject_id   VARCHAR(200)             NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    entry        BYTEA                    NOT NULL CHECK (octet_length(entry) <= 65535)
);
CREATE INDEX ledger_entry_unsequenced ON ledger_entry (seq) WHERE leaf_index IS NULL;
CREATE INDEX ledger_entry_by_subject ON ledger_entry (subject_type, subject_id, seq);

-- The full record (salt and confidential payload); only authorised roles read it.
CREATE TABLE ledger_payload (
    seq     BIGINT PRIMARY KEY REFERENCES ledger_entry (seq),
    record  BYTEA  NOT NULL
);

-- Hash tiles (level >= 0) and entry bundles (level -1). One row per tile: a partial tile is replaced
-- by its wider successor, whose prefix it is; a full tile (width 256) never changes.
CREATE TABLE ledger_tile (
    level  INT     NOT NULL CHECK (level >= -1 AND level <= 63),
    idx    BIGINT  NOT NULL CHECK (idx >= 0),
    width  INT     NOT NULL CHECK (width BETWEEN 1 AND 256),
    data   BYTEA   NOT NULL,
    PRIMARY KEY (level, idx)
);

-- Every signed checkpoint, so that proofs can be served for any of them and consistency checked.
CREATE TABLE ledger_checkpoint (
    tree_size BIGINT                   PRIMARY KEY CHECK (tree_size >= 0),
    root_hash BYTEA                    NOT NULL CHECK (octet_length(root_hash) = 32),
    note      BYTEA                    NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
