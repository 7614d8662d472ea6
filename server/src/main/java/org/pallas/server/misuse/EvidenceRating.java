package org.pallas.server.misuse;

/**
 * How far the authority could verify the evidence: unverified (not yet checked or not checkable), corroborated
 * (consistent with independent sources, e.g. matches published indicators), confirmed (forensically verified, e.g.
 * by the authority's own experts or a recognised lab). Only confirmed evidence has consequences.
 */
public enum EvidenceRating {
    UNVERIFIED,
    CORROBORATED,
    CONFIRMED
}
