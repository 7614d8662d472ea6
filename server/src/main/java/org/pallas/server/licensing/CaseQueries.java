package org.pallas.server.licensing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

/** Lists of cases: an exporter's own applications and the authority's queues (paginated, indexed). */
@Repository
class CaseQueries {

    static final int PAGE_SIZE = 25;

    /** One of the exporter's applications as listed to them: no route, no officer. */
    record ApplicationRow(UUID id, String reference, LicenceType type, String title, ExporterStatus status,
            Instant updatedAt) {
    }

    /** One case in an authority queue. */
    record QueueRow(UUID id, String reference, String organisation, LicenceType type, String title, CaseStatus status,
            AssessmentRoute route, String caseOfficer, Instant statusSince, int workingDaysInQueue) {
    }

    record Page<T>(List<T> items, long total, int page, int pages) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    CaseQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<ApplicationRow> applications(Caller caller) {
        if (!caller.isExporter()) {
            throw new AccessDeniedException("Only an exporter's staff file and follow applications.");
        }
        return jdbc.sql("""
                select id, reference, licence_type, title, status, outcome, updated_at from licensing_case
                where organisation_id = :org order by updated_at desc, reference desc limit 500""")
                .param("org", caller.organisationId())
                .query((rs, n) -> new ApplicationRow(rs.getObject(1, UUID.class), rs.getString(2),
                        LicenceType.valueOf(rs.getString(3)), rs.getString(4),
                        exporterStatus(CaseStatus.valueOf(rs.getString(5)), rs.getString(6)),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Open cases (submitted and not finalised), oldest in their state first, filtered by route and state. */
    Page<QueueRow> queue(Caller caller, AssessmentRoute route, CaseStatus status, int page) {
        Cases.requireQueueReader(caller);
        String where = """
                from licensing_case c join organisation o on o.id = c.organisation_id
                left join app_user u on u.id = c.case_officer_id
                where c.status not in ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED')
                  and (cast(:route as varchar) is null or c.route = :route)
                  and (cast(:status as varchar) is null or c.status = :status)""";
        long total = jdbc.sql("select count(*) " + where)
                .param("route", route == null ? null : route.name()).param("status", status == null ? null : status.name())
                .query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ServiceLevelClock.UK);
        List<QueueRow> rows = jdbc.sql("""
                select c.id, c.reference, o.name, c.licence_type, c.title, c.status, c.route, u.display_name, c.status_since
                """ + where + " order by c.status_since, c.reference limit :limit offset :offset")
                .param("route", route == null ? null : route.name()).param("status", status == null ? null : status.name())
                .param("limit", PAGE_SIZE).param("offset", (current - 1) * PAGE_SIZE)
                .query((rs, n) -> {
                    Timestamp since = rs.getTimestamp(9);
                    LocalDate from = LocalDate.ofInstant(since.toInstant(), ServiceLevelClock.UK);
                    return new QueueRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            LicenceType.valueOf(rs.getString(4)), rs.getString(5), CaseStatus.valueOf(rs.getString(6)),
                            rs.getString(7) == null ? null : AssessmentRoute.valueOf(rs.getString(7)), rs.getString(8),
                            since.toInstant(), calendar.workingDaysAfter(from, today));
                })
                .list();
        return new Page<>(rows, total, current, pages);
    }

    /** The trail of a case: who moved it, when, from what to what and why (authority only). */
    record Transition(String event, CaseStatus from, CaseStatus to, String actor, String reason, Instant at) {
    }

    List<Transition> trail(UUID caseId) {
        return jdbc.sql("""
                select t.event, t.from_status, t.to_status, coalesce(u.display_name, t.actor_id), t.reason, t.at
                from licensing_case_transition t
                left join app_user u on u.id::text = t.actor_id
                where t.case_id = :id order by t.seq""")
                .param("id", caseId)
                .query((rs, n) -> new Transition(rs.getString(1), CaseStatus.valueOf(rs.getString(2)),
                        CaseStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    static ExporterStatus exporterStatus(CaseStatus status, String outcome) {
        return switch (status) {
            case DRAFT -> ExporterStatus.DRAFT;
            case SUBMITTED, INITIAL_CHECKS -> ExporterStatus.SUBMITTED;
            case UNDER_REVIEW, AWAITING_ADVICE, ADVICE_CONSOLIDATION, AWAITING_COUNTERSIGNATURE -> ExporterStatus.UNDER_REVIEW;
            case INFORMATION_REQUESTED -> ExporterStatus.INFORMATION_REQUESTED;
            case FINALISED -> ExporterStatus.valueOf(outcome);
            case WITHDRAWN -> ExporterStatus.WITHDRAWN;
            case UNDER_APPEAL -> ExporterStatus.UNDER_APPEAL;
            case APPEAL_DECIDED -> "APPROVED".equals(outcome) ? ExporterStatus.APPEAL_ALLOWED : ExporterStatus.APPEAL_DISMISSED;
        };
    }
}
