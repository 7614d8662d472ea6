package org.pallas.ledger;

/** A ledger record is malformed, not canonical, too large, or its payload does not match its digest. */
public class RecordFormatException extends LedgerException {
    public RecordFormatException(String message) {
        super(message);
    }

    public RecordFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
