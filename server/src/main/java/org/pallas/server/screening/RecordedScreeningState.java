package org.pallas.server.screening;

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

/**
 * The recorded state of screening rows for the ledger's integrity check: parties, alerts, imported list
 * versions (with a digest of every file) and searches. Bookkeeping timestamps ({@code updated_at}) are
 * left out; they carry no decision.
 */
@Configuration(proxyBeanMethods = false)
class RecordedScreeningState {

    @Bean
    RecordedState screeningPartyState(JdbcClient jdbc) {
        return new RecordedTable(
                jdbc,
                "screening-party",
                "select id from screening_party order by id",
                "select * from screening_party where id = :id",
                rs -> {
                    Map<String, String> s = new LinkedHashMap<>();
                    s.put("organisationId", rs.getString("organisation_id"));
                    s.put("name", rs.getString("name"));
                    s.put("kind", rs.getString("kind"));
                    s.put("country", text(rs.getString("country")));
                    s.put("birthDate", text(rs.getString("birth_date")));
                    s.put("identifiers", rs.getString("identifiers"));
                    s.put("reference", text(rs.getString("reference")));
                    s.put("createdBy", rs.getString("created_by"));
                    s.put("createdAt", instant(rs.getTimestamp("created_at")));
                    s.put("revision", Integer.toString(rs.getInt("revision")));
                    return s;
                });
    }

    @Bean
    RecordedState screeningAlertState(JdbcClient jdbc) {
        return new RecordedTable(
                jdbc,
                "screening-alert",
                "select id from screening_alert order by id",
                "select * from screening_alert where id = :id",
                rs -> {
                    Map<String, String> s = new LinkedHashMap<>();
                    s.put("partyId", rs.getString("party_id"));
                    s.put("organisationId", rs.getString("organisation_id"));
                    s.put("source", rs.getString("source"));
                    s.put("entryId", rs.getString("entry_id"));
                    s.put("entryDigest", rs.getString("entry_digest"));
                    s.put("listedName", rs.getString("listed_name"));
                    s.put("matchedName", rs.getString("matched_name"));
                    s.put("score", Double.toString(rs.getDouble("score")));
                    s.put("explanation", digest(rs.getString("explanation")));
                    s.put("listVersion", rs.getString("list_version"));
                    s.put("status", rs.getString("status"));
                    s.put("reason", text(rs.getString("reason")));
                    s.put("decidedBy", text(rs.getString("decided_by")));
                    s.put("decidedAt", instant(rs.getTimestamp("decided_at")));
                    s.put("raisedAt", instant(rs.getTimestamp("raised_at")));
                    return s;
                });
    }

    @Bean
    RecordedState listVersionState(JdbcClient jdbc) {
        return new RecordedTable(jdbc, "list-version", "select id from screening_list_version order by id", """
                select v.*, (select string_agg(f.position || ':' || f.name || ':' || encode(sha256(f.content), 'hex'),
                        ',' order by f.position) from screening_list_file f where f.version_id = v.id) as files
                from screening_list_version v where v.id = :id""", rs -> {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("source", rs.getString("source"));
            s.put("format", rs.getString("format"));
            s.put("publishedOn", text(rs.getString("published_on")));
            s.put("contentHash", rs.getString("content_hash"));
            s.put("entryCount", Integer.toString(rs.getInt("entry_count")));
            s.put("malformed", Integer.toString(rs.getInt("malformed")));
            s.put(
                    "delta",
                    rs.getInt("delta_added") + "/" + rs.getInt("delta_changed") + "/" + rs.getInt("delta_removed"));
            s.put("report", digest(rs.getString("report")));
            s.put("importedAt", instant(rs.getTimestamp("imported_at")));
            s.put("importedBy", text(rs.getString("imported_by")));
            s.put("label", rs.getString("label"));
            s.put("files", text(rs.getString("files")));
            return s;
        });
    }

    @Bean
    RecordedState screeningSearchState(JdbcClient jdbc) {
        return new RecordedTable(
                jdbc,
                "screening-search",
                "select id from screening_search order by id",
                "select * from screening_search where id = :id",
                rs -> {
                    Map<String, String> s = new LinkedHashMap<>();
                    s.put("organisationId", rs.getString("organisation_id"));
                    s.put("userId", rs.getString("user_id"));
                    s.put("searchedAt", instant(rs.getTimestamp("searched_at")));
                    s.put("name", rs.getString("name"));
                    s.put("kind", rs.getString("kind"));
                    s.put("listVersions", rs.getString("list_versions"));
                    s.put("matches", Integer.toString(rs.getInt("matches")));
                    s.put("alerts", Integer.toString(rs.getInt("alerts")));
                    return s;
                });
    }
}
