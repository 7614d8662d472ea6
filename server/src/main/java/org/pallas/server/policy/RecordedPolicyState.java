package org.pallas.server.policy;

import static org.pallas.server.platform.RecordedTable.digest;
import static org.pallas.server.platform.RecordedTable.instant;
import static org.pallas.server.platform.RecordedTable.text;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pallas.server.platform.RecordedState;
import org.pallas.server.platform.RecordedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The recorded state of rulebook changes (the proposed file as a digest) for the ledger's integrity check. */
@Configuration(proxyBeanMethods = false)
class RecordedPolicyState {

    @Bean
    RecordedState rulebookChangeState(JdbcClient jdbc) {
        return new RecordedTable(
                jdbc,
                "rulebook-change",
                "select id from rulebook_change order by id",
                "select * from rulebook_change where id = :id",
                rs -> {
                    Map<String, String> s = new LinkedHashMap<>();
                    s.put("baseVersion", rs.getString("base_version"));
                    s.put("newVersion", rs.getString("new_version"));
                    s.put("newHash", rs.getString("new_hash"));
                    s.put("fileName", rs.getString("file_name"));
                    s.put("content", digest(rs.getString("content")));
                    s.put("reason", rs.getString("reason"));
                    s.put("status", rs.getString("status"));
                    s.put("proposedBy", rs.getString("proposed_by"));
                    s.put("proposedAt", instant(rs.getTimestamp("proposed_at")));
                    s.put("decidedBy", text(rs.getString("decided_by")));
                    s.put("decidedAt", instant(rs.getTimestamp("decided_at")));
                    return s;
                });
    }
}
