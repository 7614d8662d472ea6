package org.pallas.policy;

import java.util.Objects;
import java.util.Set;

/**
 * A link between this application and documented misuse: which record, on what it matched and how confident the
 * record's attribution is. The engine matches the curated CASE records itself; callers may add their own.
 *
 * @param partyName the application party the match concerns; null when it concerns the product only
 */
public record MisuseMatch(String caseId, String partyName, Set<Basis> matchedOn, Confidence confidence, String source) {

    public MisuseMatch {
        Objects.requireNonNull(caseId, "caseId");
        matchedOn = Set.copyOf(matchedOn);
        Objects.requireNonNull(confidence, "confidence");
    }

    public enum Basis {
        VENDOR,
        PRODUCT_FAMILY,
        OPERATOR_COUNTRY,
        END_USER_TYPE,
        END_USER
    }

    /** Confidence of the attribution in the record: forensic plus attribution, likely, or infrastructure only. */
    public enum Confidence {
        LOW,
        MEDIUM,
        HIGH
    }
}
