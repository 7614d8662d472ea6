package org.pallas.licensing;

import java.util.Arrays;

/**
 * Criteria a refusal (or refusing advice) may cite, by their regulation.md rule IDs and confidence tags. The UK's
 * Strategic Export Licensing Criteria (§4.1) and the EU considerations (§2.2, §2.4).
 */
public enum RefusalCriterion {
    UK_C1("UK-C1", Confidence.S, "International obligations and commitments: sanctions, embargoes, treaties, regimes"),
    UK_C2(
            "UK-C2",
            Confidence.S,
            "Clear risk of use for internal repression or serious violations of human rights or IHL"),
    UK_C3("UK-C3", Confidence.S, "Internal situation in the destination: would provoke or prolong armed conflict"),
    UK_C4("UK-C4", Confidence.S, "Regional peace and security: aggressive use against another country"),
    UK_C5("UK-C5", Confidence.S, "National security of the UK and of allies"),
    UK_C6("UK-C6", Confidence.S, "Behaviour of the buyer country towards the international community"),
    UK_C7("UK-C7", Confidence.S, "Risk of diversion or re-export to an undesirable end user or end use"),
    UK_C8("UK-C8", Confidence.R, "Compatibility with the technical and economic capacity of the recipient country"),
    EU_ART15(
            "EU-ART15",
            Confidence.R,
            "All relevant considerations incl. Common Position 2008/944/CFSP and risk of diversion"),
    EU_CP2008_C2(
            "EU-CP2008-C2", Confidence.R, "Clear risk of use for internal repression or serious violations of IHL"),
    EU_ART5_1(
            "EU-ART5-1",
            Confidence.S,
            "Non-listed cyber-surveillance item intended for internal repression or serious HR violations");

    private final String id;
    private final Confidence confidence;
    private final String summary;

    RefusalCriterion(String id, Confidence confidence, String summary) {
        this.id = id;
        this.confidence = confidence;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public Confidence confidence() {
        return confidence;
    }

    public String summary() {
        return summary;
    }

    public boolean unverified() {
        return confidence.unverified();
    }

    /** Looks a criterion up by its rule ID, e.g. {@code UK-C7}. */
    public static RefusalCriterion byId(String id) {
        return Arrays.stream(values())
                .filter(c -> c.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no refusal criterion with rule ID '" + id + "'"));
    }
}
