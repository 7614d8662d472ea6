package org.pallas.ledger;

/** A consistency proof does not prove that one tree is a prefix of another, or two tree heads are inconsistent. */
public class ConsistencyProofException extends LedgerException {
    public ConsistencyProofException(String message) {
        super(message);
    }

    public ConsistencyProofException(String message, Throwable cause) {
        super(message, cause);
    }
}
