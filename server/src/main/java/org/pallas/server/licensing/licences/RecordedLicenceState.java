package org.pallas.server.licensing.licences;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pallas.server.platform.RecordedState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recorded state of licence rows for the ledger's integrity check: every column a licence change sets (status,
 * quantities used, review flags, revision) and the terms fixed at issue. A row edited outside the application (a
 * status flipped back to ISSUED, used quantities lowered) no longer matches the state its latest entry recorded.
 */
@Component
class RecordedLicenceState implements RecordedState {

    private final JdbcClient jdbc;

    RecordedLicenceState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String subjectType() {
        return "licence";
    }

    @Override
    public Optional<Map<String, String>> current(String subjectId) {
        UUID id;
        try {
            id = UUID.fromString(subjectId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select reference, case_id, organisation_id, status, valid_from, valid_until, after_sales_until,
                    conditions::text, allowed::text, used::text, reporting_duties::text, review_flags, revision,
                    issued_by, issued_at
                from licensing_licence where id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, String> s = new LinkedHashMap<>();
                    s.put("reference", rs.getString(1));
                    s.put("caseId", rs.getString(2));
                    s.put("organisationId", rs.getString(3));
                    s.put("status", rs.getString(4));
                    s.put("validFrom", String.valueOf(rs.getDate(5)));
                    s.put("validUntil", String.valueOf(rs.getDate(6)));
                    s.put("afterSalesUntil", String.valueOf(rs.getDate(7)));
                    s.put("conditions", rs.getString(8));
                    s.put("allowed", rs.getString(9));
                    s.put("used", rs.getString(10));
                    s.put("reportingDuties", rs.getString(11));
                    s.put("reviewFlags", Integer.toString(rs.getInt(12)));
                    s.put("revision", Integer.toString(rs.getInt(13)));
                    s.put("issuedBy", rs.getString(14));
                    Timestamp at = rs.getTimestamp(15);
                    s.put("issuedAt", at == null ? "" : at.toInstant().toString());
                    return s;
                })
                .optional();
    }

    @Override
    public List<String> subjectIds() {
        return jdbc.sql("select id::text from licensing_licence order by id")
                .query(String.class)
                .list();
    }
}
