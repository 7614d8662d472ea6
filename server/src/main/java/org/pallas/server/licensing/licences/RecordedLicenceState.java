package org.pallas.server.licensing.licences;

import static org.pallas.server.platform.RecordedTable.instant;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pallas.server.platform.RecordedState;
import org.pallas.server.platform.RecordedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recorded state of licence rows for the ledger's integrity check: every column a licence change sets (status,
 * quantities used, review flags, revision) and the terms fixed at issue. A row edited outside the application (a
 * status flipped back to ISSUED, used quantities lowered) no longer matches the state its latest entry recorded.
 */
@Configuration(proxyBeanMethods = false)
class RecordedLicenceState {

    @Bean
    RecordedState licenceState(JdbcClient jdbc) {
        return new RecordedTable(jdbc, "licence", "select id from licensing_licence order by id", """
                select reference, case_id, organisation_id, status, valid_from, valid_until, after_sales_until,
                    conditions::text, allowed::text, used::text, reporting_duties::text, review_flags, revision,
                    issued_by, issued_at
                from licensing_licence where id = :id""", rs -> {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("reference", rs.getString(1));
            s.put("caseId", rs.getString(2));
            s.put("organisationId", rs.getString(3));
            s.put("status", rs.getString(4));
            // "null" for an absent date, as the entries already recorded spell it.
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
            s.put("issuedAt", instant(rs.getTimestamp(15)));
            return s;
        });
    }
}
