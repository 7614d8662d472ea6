package org.pallas.ledger;

/** An inclusion proof does not prove that a leaf is in a tree of the claimed size and root. */
public class InclusionProofException extends LedgerException {
    public InclusionProofException(String message) {
        super(message);
    }

    public InclusionProofException(String message, Throwable cause) {
        super(message, cause);
    }
}
