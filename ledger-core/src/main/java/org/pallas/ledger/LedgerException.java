package org.pallas.ledger;

/**
 * Base of the checked exceptions of the ledger core. Each failure kind has its own subclass so that a
 * caller (the server, the auditor tool) can tell a bad proof from a bad signature from a malformed file.
 */
public abstract class LedgerException extends Exception {
    protected LedgerException(String message) {
        super(message);
    }

    protected LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
