package org.pallas.ledger;

/** A tile, an entry bundle or a tile path is malformed, missing, or of the wrong width. */
public class TileFormatException extends LedgerException {
    public TileFormatException(String message) {
        super(message);
    }

    public TileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
