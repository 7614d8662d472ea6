package org.pallas.licensing;

/** Whether the product's control entries were confirmed by the classification engine or are still pending. */
public enum ClassificationStatus {
    CONFIRMED,
    PENDING
}
