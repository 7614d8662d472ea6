package org.pallas.classification.reference;

/** The export-control regimes the engine classifies for. */
public enum Regime {
    /** Wassenaar Arrangement Dual-Use List: the common text the others implement. */
    WA,
    /** Regulation (EU) 2021/821, Annex I, plus the Art. 5 catch-all. */
    EU,
    /** UK Dual-Use List. */
    UK,
    /** US Commerce Control List (EAR). */
    US
}
