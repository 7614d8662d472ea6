package org.pallas.server.misuse;

import java.util.Set;
import org.pallas.server.platform.DashboardTile;
import org.pallas.server.platform.NavigationItem;
import org.pallas.server.platform.RecordedState;
import org.pallas.server.platform.RecordedTable;
import org.pallas.server.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The misuse reports' navigation entries, dashboard tiles and ledger state. */
@Configuration(proxyBeanMethods = false)
class MisuseContributions {

    static final Set<Role> READERS = Set.of(Role.CASEWORKER, Role.SENIOR_OFFICER, Role.OVERSIGHT);

    @Bean
    NavigationItem misuseReportsNavigation() {
        return new NavigationItem("Misuse reports", "/misuse-reports", READERS, 45);
    }

    @Bean
    DashboardTile misuseReportsTile() {
        return DashboardTile.text(
                "Misuse reports",
                "Reports of spyware misuse from civil society and victims: triage them, rate the evidence and link"
                        + " them to licences and cases; confirmed evidence flags them for review.",
                "/misuse-reports",
                "Open the queue",
                READERS,
                450);
    }

    /** Everyone signed in may report (an exporter's employee too); civil society also follows its own reports. */
    @Bean
    DashboardTile reportMisuseTile() {
        return DashboardTile.text(
                "Report misuse of spyware",
                "Report spyware used against journalists, defenders or others, with STIX evidence or documents;"
                        + " anonymously, or (civil-society organisations) under your name at /misuse-reports.",
                "/report",
                "Report misuse",
                Set.of(),
                900);
    }

    /** What a ledger entry about a report vouches for: statuses, ratings, digests, never the account or files. */
    @Bean
    RecordedState misuseReportState(JdbcClient jdbc) {
        return new RecordedTable(
                jdbc, MisuseReports.SUBJECT, "select id::text from misuse_report order by id", """
                select r.*, (select string_agg(e.sha256, ',' order by e.position) from misuse_evidence e
                             where e.report_id = r.id) as evidence,
                            (select count(*) from misuse_message m where m.report_id = r.id) as messages
                from misuse_report r where r.id = :id""", rs -> {
                    java.util.Map<String, String> m = new java.util.TreeMap<>();
                    m.put("reference", rs.getString("reference"));
                    m.put("receiptHash", RecordedTable.digest(rs.getBytes("receipt_hash")));
                    m.put("organisationId", RecordedTable.text(rs.getObject("organisation_id")));
                    m.put("account", RecordedTable.digest(rs.getBytes("account")));
                    m.put("status", rs.getString("status"));
                    m.put("evidenceRating", RecordedTable.text(rs.getString("evidence_rating")));
                    m.put("sourceReliability", RecordedTable.text(rs.getString("source_reliability")));
                    m.put("outcome", RecordedTable.text(rs.getString("outcome")));
                    m.put("outcomeReasons", RecordedTable.digest(rs.getString("outcome_reasons")));
                    m.put("actionTaken", String.valueOf(rs.getBoolean("action_taken")));
                    m.put("evidence", RecordedTable.text(rs.getString("evidence")));
                    m.put("messages", String.valueOf(rs.getLong("messages")));
                    return m;
                });
    }
}
