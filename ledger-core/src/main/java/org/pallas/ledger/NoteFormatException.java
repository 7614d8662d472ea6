package org.pallas.ledger;

/** A signed note, a key name or a key string is malformed. */
public class NoteFormatException extends LedgerException {
    public NoteFormatException(String message) {
        super(message);
    }

    public NoteFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
