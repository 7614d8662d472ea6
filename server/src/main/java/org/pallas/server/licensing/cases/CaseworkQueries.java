package org.pallas.server.licensing.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads for the casework pages: names of the authority's and advisers' staff (case pages show names, not ids), the
 * officers who may take an appeal, and the cases that asked an adviser team for advice.
 */
@Repository
public class CaseworkQueries {

    /** Cases listed at most in an adviser queue (awaiting advice is a small set; the case page holds the detail). */
    static final int ADVICE_LIMIT = 200;

    /** An officer who may handle an appeal, for the senior officer's choice. */
    public record Officer(UUID id, String name) {}

    private final JdbcClient jdbc;

    CaseworkQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enabled caseworkers and senior officers of the licensing authority, except {@code excluded} (user ids). */
    public List<Officer> officers(Set<String> excluded) {
        return jdbc.sql("""
                select distinct u.id, u.display_name from app_user u join user_role r on r.user_id = u.id
                join organisation o on o.id = u.organisation_id
                where r.role in ('CASEWORKER', 'SENIOR_OFFICER') and u.enabled and o.kind = 'LICENSING_AUTHORITY'
                order by u.display_name""").query((rs, n) -> new Officer(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
                .filter(o -> !excluded.contains(o.id().toString()))
                .toList();
    }

    /** Display names of the licensing authority's and advisory departments' users, by user id. */
    public Map<String, String> staffNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("""
                select u.id::text, u.display_name from app_user u join organisation o on o.id = u.organisation_id
                where o.kind in ('LICENSING_AUTHORITY', 'ADVISORY_DEPARTMENT')""")
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The name of an organisation, or null. */
    public String organisationName(UUID organisationId) {
        return jdbc.sql("select name from organisation where id = :id")
                .param("id", organisationId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Cases that ever asked for advice, longest in their state first (the caller filters by team on the case). */
    public List<UUID> casesThatAskedForAdvice() {
        return jdbc.sql("""
                select c.id from licensing_case c
                where exists (select 1 from licensing_case_transition t where t.case_id = c.id and t.event = 'AdviceRequested')
                order by c.status_since limit :limit""")
                .param("limit", ADVICE_LIMIT)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }
}
