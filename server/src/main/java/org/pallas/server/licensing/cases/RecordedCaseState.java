package org.pallas.server.licensing.cases;

import static org.pallas.server.platform.RecordedTable.instant;
import static org.pallas.server.platform.RecordedTable.text;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pallas.server.platform.RecordedState;
import org.pallas.server.platform.RecordedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recorded state of a licensing case for the ledger's integrity check: the stored commands (the source of
 * truth the case is replayed from) as one digest per command, and the projection columns that queues and
 * filters read. The assessment summary and {@code updated_at} are left out: they are derived bookkeeping.
 */
@Configuration(proxyBeanMethods = false)
class RecordedCaseState {

    @Bean
    RecordedState caseState(JdbcClient jdbc) {
        return new RecordedTable(jdbc, "case", "select id from licensing_case order by id", """
                select c.*, (select string_agg(k.seq || ':' || k.kind || ':' || encode(sha256(convert_to(concat_ws(chr(31),
                        k.actor::text, k.payload::text, extract(epoch from k.at)::text), 'UTF8')), 'hex'), ','
                        order by k.seq) from licensing_case_command k where k.case_id = c.id) as commands
                from licensing_case c where c.id = :id""", rs -> {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("organisationId", rs.getString("organisation_id"));
            s.put("reference", rs.getString("reference"));
            s.put("licenceType", rs.getString("licence_type"));
            s.put("title", rs.getString("title"));
            s.put("status", rs.getString("status"));
            s.put("outcome", text(rs.getString("outcome")));
            s.put("route", text(rs.getString("route")));
            s.put("caseOfficerId", text(rs.getString("case_officer_id")));
            s.put("statusSince", instant(rs.getTimestamp("status_since")));
            s.put("submittedAt", instant(rs.getTimestamp("submitted_at")));
            s.put("createdAt", instant(rs.getTimestamp("created_at")));
            s.put("commands", text(rs.getString("commands")));
            return s;
        });
    }
}
