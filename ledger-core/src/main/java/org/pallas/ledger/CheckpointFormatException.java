package org.pallas.ledger;

/** A checkpoint body is not a strict C2SP tlog-checkpoint. */
public class CheckpointFormatException extends LedgerException {
    public CheckpointFormatException(String message) {
        super(message);
    }

    public CheckpointFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
