package org.pallas.ledger;

/** A signed note carries no verifiable signature from a trusted key, or a trusted key's signature is invalid. */
public class NoteVerificationException extends LedgerException {
    public NoteVerificationException(String message) {
        super(message);
    }

    public NoteVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
