package org.pallas.server.misuse;

import java.util.List;
import java.util.Map;
import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedChange;

/**
 * The misuse module's published events, one per change of a report, for the ledger and for listeners (licensing
 * hears {@link EvidenceConfirmed}). Reporter protection: the public metadata carries only the report's reference,
 * its kind and the SHA-256 of its evidence; never a name, the account, a message or a file, and the actor of a
 * reporter's change is always the system (no account, even of a filing organisation's user).
 */
public sealed interface MisuseChanged extends RecordedChange {

    /** The public reference, e.g. {@code MR-2026-00012}. */
    default String reference() {
        return String.valueOf(publicMetadata().get("report"));
    }

    @RecordedAs(type = "misuse.report.received", subject = "misuse-report")
    record ReportReceived(Facts facts) implements MisuseChanged {}

    @RecordedAs(type = "misuse.report.message-sent", subject = "misuse-report")
    record MessageSent(Facts facts) implements MisuseChanged {}

    /** Assessed with the evidence unverified or corroborated: triaged, no consequence yet. */
    @RecordedAs(type = "misuse.report.triaged", subject = "misuse-report")
    record ReportTriaged(Facts facts) implements MisuseChanged {}

    /**
     * Assessed with the evidence confirmed: misuse evidence from now on (the policy engine reads it), and every live
     * licence and open case of the linked end users and products is to be reviewed (licensing listens).
     */
    @RecordedAs(type = "misuse.report.evidence-confirmed", subject = "misuse-report")
    record EvidenceConfirmed(Facts facts) implements MisuseChanged {

        /** The linked end users, each {@code name} and {@code country} (ISO 3166-1 alpha-2, or ""). */
        @SuppressWarnings("unchecked")
        public List<Map<String, String>> endUsers() {
            Object list = confidentialPayload().get("endUsers");
            return list instanceof List<?> l ? (List<Map<String, String>>) l : List.of();
        }

        public List<String> products() {
            return strings("products");
        }

        public List<String> licences() {
            return strings("licences");
        }

        public List<String> cases() {
            return strings("cases");
        }

        /** The assessment's outcome and reasons, for the notices to case officers (regulator-only). */
        public String reasons() {
            return String.valueOf(confidentialPayload().getOrDefault("reasons", ""));
        }

        private List<String> strings(String key) {
            Object list = confidentialPayload().get(key);
            return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        }
    }

    /** The authority acted on a confirmed report (licences flagged, cases noted): the reporter is told, not how. */
    @RecordedAs(type = "misuse.report.action-taken", subject = "misuse-report")
    record ActionTaken(Facts facts) implements MisuseChanged {}
}
