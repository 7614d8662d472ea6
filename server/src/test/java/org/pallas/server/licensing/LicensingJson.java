package org.pallas.server.licensing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies of the licensing API used by several tests. The product line names a product of the exporter's
 * register by its register id (see {@link org.pallas.server.TestCast#registeredProduct}), so that the assessment
 * routes on the register's classification as it does for a real exporter; the declared tier and entries are the
 * register's, so the exporter's claim does not differ.
 */
public final class LicensingJson {

    private LicensingJson() {}

    /**
     * A complete individual-licence application for penetration testing by a German bank: fast track when screened.
     * {@code pentestFrameworkId} is the register id of a {@link org.pallas.server.TestCast#PENTEST_FRAMEWORK} product
     * (4D004, tier 2) of the applying exporter.
     */
    public static String fastTrackDraft(String pentestFrameworkId, String endUserName) {
        return """
                {"type":"INDIVIDUAL","riskTier":2,"endUseCategory":"PENETRATION_TESTING",
                 "details":{
                  "products":[{"productId":"%s","name":"Redline assessment toolkit","classification":"CONFIRMED",
                               "controlEntries":["4D004"]}],
                  "parties":[{"partyId":"EU-1","role":"END_USER","name":"%s","countryCode":"DE",
                              "address":"Taunusanlage 12, Frankfurt am Main","endUserType":"COMMERCIAL"}],
                  "destinations":["DE"],
                  "endUseStatement":"Authorised penetration testing of the bank's own networks by its red team.",
                  "safeguards":["AUDIT_RIGHTS","NO_ONWARD_TRANSFER","LOGGING"],
                  "quantities":{"seats":5,"concurrentTargets":2,"deployments":1,"updateAndSupportMonths":12}}}
                """.formatted(pentestFrameworkId, endUserName);
    }

    /**
     * A tier-3 forensic kit for law enforcement by a German government agency stated not to be under independent
     * oversight: human-rights advice is required (REF-HR-GOVERNMENT-END-USER), so the case goes to enhanced review and
     * every adviser team is asked. {@code forensicKitId} is the register id of a {@link
     * org.pallas.server.TestCast#FORENSIC_KIT} product (4A005 and 4D004, tier 3) of the applying exporter.
     */
    public static String enhancedReviewDraft(String forensicKitId, String endUserName) {
        return """
                {"type":"INDIVIDUAL","riskTier":3,"endUseCategory":"LAW_ENFORCEMENT",
                 "details":{
                  "products":[{"productId":"%s","name":"Mobile forensic extraction kit","classification":"CONFIRMED",
                               "controlEntries":["4A005","4D004"]}],
                  "parties":[{"partyId":"EU-1","role":"END_USER","name":"%s","countryCode":"DE",
                              "address":"Taunusanlage 12, Frankfurt am Main","endUserType":"GOVERNMENT",
                              "agencyOrUnit":"Abteilung 3","oversight":{"independent":false}}],
                  "destinations":["DE"],
                  "endUseStatement":"Extraction of data from devices seized in the agency's investigations.",
                  "safeguards":["AUDIT_RIGHTS","NO_ONWARD_TRANSFER","LOGGING"],
                  "quantities":{"seats":5,"concurrentTargets":2,"deployments":1,"updateAndSupportMonths":12}}}
                """.formatted(forensicKitId, endUserName);
    }

    /** The smallest valid PDF header: enough for content-type detection. */
    /** An uploaded undertaking, the usual safeguards and quantities: the terms every test draft signs up to. */
    public static Map<String, Object> signedTerms() {
        return Map.of(
                "undertaking",
                Map.of(
                        "documentId",
                        UUID.randomUUID().toString(),
                        "mediaType",
                        "application/pdf",
                        "sizeBytes",
                        1000,
                        "sha256",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                "safeguards",
                List.of("AUDIT_RIGHTS", "NO_ONWARD_TRANSFER", "LOGGING"),
                "quantities",
                Map.of("seats", 2, "concurrentTargets", 1, "deployments", 1, "updateAndSupportMonths", 12));
    }

    public static final byte[] PDF =
            "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
