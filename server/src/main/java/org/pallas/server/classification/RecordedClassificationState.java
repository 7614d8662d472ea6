package org.pallas.server.classification;

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
 * The recorded state of products (with every version) and classification requests for the ledger's
 * integrity check. A product's entry vouches for its current version in clear and for every version
 * through one digest per version, so an older version edited in place is caught too.
 */
@Configuration(proxyBeanMethods = false)
class RecordedClassificationState {

    @Bean
    RecordedState productState(JdbcClient jdbc) {
        return new RecordedTable(jdbc, "product", "select id from product order by id", """
                select p.*, v.name, v.reference, v.summary, v.answers::text as answers,
                    (select string_agg(pv.version || ':' || encode(sha256(convert_to(concat_ws(chr(31), pv.name,
                        coalesce(pv.reference, ''), coalesce(pv.summary, ''), pv.answers::text,
                        extract(epoch from pv.created_at)::text, coalesce(pv.created_by::text, '')), 'UTF8')), 'hex'),
                        ',' order by pv.version)
                     from product_version pv where pv.product_id = p.id) as versions
                from product p left join product_version v on v.product_id = p.id and v.version = p.current_version
                where p.id = :id""", rs -> {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("organisationId", rs.getString("organisation_id"));
            s.put("currentVersion", Integer.toString(rs.getInt("current_version")));
            s.put("name", text(rs.getString("name")));
            s.put("reference", text(rs.getString("reference")));
            s.put("summary", text(rs.getString("summary")));
            s.put("answers", digest(rs.getString("answers")));
            s.put("versions", text(rs.getString("versions")));
            s.put("createdAt", instant(rs.getTimestamp("created_at")));
            return s;
        });
    }

    @Bean
    RecordedState classificationRequestState(JdbcClient jdbc) {
        return new RecordedTable(
                jdbc,
                "classification-request",
                "select id from classification_request order by id",
                "select r.*, r.proposal::text as proposal_text, r.rating::text as rating_text "
                        + "from classification_request r where r.id = :id",
                rs -> {
                    Map<String, String> s = new LinkedHashMap<>();
                    s.put("productId", rs.getString("product_id"));
                    s.put("productVersion", Integer.toString(rs.getInt("product_version")));
                    s.put("organisationId", rs.getString("organisation_id"));
                    s.put("status", rs.getString("status"));
                    s.put("note", text(rs.getString("note")));
                    s.put("proposal", digest(rs.getString("proposal_text")));
                    s.put("referenceDataVersion", rs.getString("reference_data_version"));
                    s.put("referenceDataSha256", rs.getString("reference_data_sha256"));
                    s.put("submittedAt", instant(rs.getTimestamp("submitted_at")));
                    s.put("submittedBy", text(rs.getString("submitted_by")));
                    s.put("rating", text(rs.getString("rating_text")));
                    s.put("decisionReasons", text(rs.getString("decision_reasons")));
                    s.put("decidedAt", instant(rs.getTimestamp("decided_at")));
                    s.put("decidedBy", text(rs.getString("decided_by")));
                    return s;
                });
    }
}
