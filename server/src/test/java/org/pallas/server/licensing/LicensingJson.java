package org.pallas.server.licensing;

/** Request bodies of the licensing API used by several tests. */
public final class LicensingJson {

    private LicensingJson() {}

    /** A complete individual-licence application for penetration testing by a German bank: fast track when screened. */
    public static String fastTrackDraft(String endUserName) {
        return """
                {"type":"INDIVIDUAL","riskTier":1,"endUseCategory":"PENETRATION_TESTING",
                 "details":{
                  "products":[{"productId":"NB-RT-1","name":"Redline assessment toolkit","classification":"CONFIRMED",
                               "controlEntries":["4D004"]}],
                  "parties":[{"partyId":"EU-1","role":"END_USER","name":"%s","countryCode":"DE",
                              "address":"Taunusanlage 12, Frankfurt am Main","endUserType":"COMMERCIAL"}],
                  "destinations":["DE"],
                  "endUseStatement":"Authorised penetration testing of the bank's own networks by its red team.",
                  "safeguards":["AUDIT_RIGHTS","NO_ONWARD_TRANSFER","LOGGING"],
                  "quantities":{"seats":5,"concurrentTargets":2,"deployments":1,"updateAndSupportMonths":12}}}
                """.formatted(endUserName);
    }

    /** The smallest valid PDF header: enough for content-type detection. */
    public static final byte[] PDF =
            "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
