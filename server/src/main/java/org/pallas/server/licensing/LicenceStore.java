package org.pallas.server.licensing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issued licences. Their later lifecycle (use, suspension, revocation) is not stored yet. */
@Repository
class LicenceStore {

    record Issued(UUID id, String reference, Licence licence) {
    }

    /** A licence as listed to its holder and the authority. */
    record Summary(UUID id, String reference, UUID caseId, String status, LocalDate validFrom, LocalDate validUntil,
            List<String> conditions) {
    }

    private final JdbcClient jdbc;

    LicenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Issued issue(Actor actor, Caller caller, Case approved, Clock clock) {
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ServiceLevelClock.UK);
        Licence licence = Licence.issue(actor, id.toString(), approved, today, List.of(), clock);
        String reference = "LIC-" + approved.caseId().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        jdbc.sql("""
                insert into licensing_licence (id, reference, case_id, organisation_id, status, valid_from, valid_until,
                    conditions, issued_by, issued_at)
                select :id, :ref, c.id, c.organisation_id, :status, :from, :until, cast(:conditions as jsonb), :by, :at
                from licensing_case c where c.id = :case""")
                .param("id", id).param("ref", reference).param("status", licence.status().name())
                .param("from", licence.validFrom()).param("until", licence.validUntil())
                .param("conditions", CaseStore.JSON.writeValueAsString(licence.conditions()))
                .param("by", caller.userId()).param("at", Timestamp.from(clock.instant()))
                .param("case", UUID.fromString(approved.caseId())).update();
        return new Issued(id, reference, licence);
    }

    /** The licence issued for a case, if the scope (organisation, or null for authority) may see it. */
    Optional<Summary> forCase(UUID caseId, UUID scope) {
        return jdbc.sql("""
                select id, reference, case_id, status, valid_from, valid_until, conditions::text from licensing_licence
                where case_id = :case and (cast(:scope as uuid) is null or organisation_id = :scope)""")
                .param("case", caseId).param("scope", scope)
                .query((rs, n) -> new Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        List.of(CaseStore.JSON.readValue(rs.getString(7), String[].class))))
                .optional();
    }
}
