package org.pallas.server.licensing.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseEvent;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.ExporterStatus;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.Queue;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.SlaPosition;
import org.pallas.licensing.WorkingCalendar;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

/** Lists of cases: an exporter's own applications and the authority's queues (paginated, indexed). */
@Repository
public class CaseQueries {

    public static final int PAGE_SIZE = 25;

    /** One of the exporter's applications as listed to them: no route, no officer. */
    public record ApplicationRow(
            UUID id, String reference, LicenceType type, String title, ExporterStatus status, Instant updatedAt) {}

    /** One case in an authority queue. */
    record QueueRow(
            UUID id,
            String reference,
            String organisation,
            LicenceType type,
            String title,
            CaseStatus status,
            AssessmentRoute route,
            String caseOfficer,
            Instant statusSince,
            int workingDaysInQueue) {}

    public record Page<T>(List<T> items, long total, int page, int pages) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final SlaPosition sla;
    private final ServiceLevelClock serviceLevelClock;

    CaseQueries(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, WorkingCalendar.englandAndWales());
    }

    @Autowired
    CaseQueries(JdbcClient jdbc, Clock clock, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
        this.sla = new SlaPosition(calendar);
        this.serviceLevelClock = new ServiceLevelClock(calendar, ServiceLevelClock.UK);
    }

    public List<ApplicationRow> applications(Caller caller) {
        if (!caller.isExporter()) {
            throw new AccessDeniedException("Only an exporter's staff file and follow applications.");
        }
        return jdbc.sql("""
                select id, reference, licence_type, title, status, outcome, updated_at from licensing_case
                where organisation_id = :org order by updated_at desc, reference desc limit 500""")
                .param("org", caller.organisationId())
                .query((rs, n) -> new ApplicationRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        LicenceType.valueOf(rs.getString(3)),
                        rs.getString(4),
                        exporterStatus(CaseStatus.valueOf(rs.getString(5)), rs.getString(6)),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Open cases (submitted and not finalised), oldest in their state first, filtered by route and state. */
    public Page<QueueRow> queue(Caller caller, AssessmentRoute route, CaseStatus status, int page) {
        Cases.requireQueueReader(caller);
        String where = """
                from licensing_case c join organisation o on o.id = c.organisation_id
                left join app_user u on u.id = c.case_officer_id
                where c.status not in ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED')
                  and (cast(:route as varchar) is null or c.route = :route)
                  and (cast(:status as varchar) is null or c.status = :status)""";
        long total = jdbc.sql("select count(*) " + where)
                .param("route", route == null ? null : route.name())
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ServiceLevelClock.UK);
        List<QueueRow> rows = jdbc.sql(
                        """
                select c.id, c.reference, o.name, c.licence_type, c.title, c.status, c.route, u.display_name, c.status_since
                """ + where + " order by c.status_since, c.reference limit :limit offset :offset")
                .param("route", route == null ? null : route.name())
                .param("status", status == null ? null : status.name())
                .param("limit", PAGE_SIZE)
                .param("offset", (current - 1) * PAGE_SIZE)
                .query((rs, n) -> {
                    Timestamp since = rs.getTimestamp(9);
                    LocalDate from = LocalDate.ofInstant(since.toInstant(), ServiceLevelClock.UK);
                    return new QueueRow(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            LicenceType.valueOf(rs.getString(4)),
                            rs.getString(5),
                            CaseStatus.valueOf(rs.getString(6)),
                            rs.getString(7) == null ? null : AssessmentRoute.valueOf(rs.getString(7)),
                            rs.getString(8),
                            since.toInstant(),
                            calendar.workingDaysAfter(from, today));
                })
                .list();
        return new Page<>(rows, total, current, pages);
    }

    // ---- team queues ----------------------------------------------------------------------------------------------

    /** Open cases, as the partial indexes of V6_30 are defined: the same text, so the planner can use them. */
    public static final String OPEN = "c.status not in ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED')";

    /** How a team queue is ordered. */
    public enum QueueSort {
        /** Longest in its current state first. */
        TIME_IN_QUEUE("c.status_since, c.reference"),
        /** Fewest service-level working days remaining first (running cases; those with the applicant last). */
        SLA_DAYS_REMAINING("c.sla_base nulls last, c.reference"),
        /** Oldest submission first. */
        SUBMITTED("c.submitted_at, c.reference");

        public final String orderBy;

        QueueSort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /**
     * A team queue's filters; null means "any". {@code officer} is "me", "unassigned" or an officer's id; overdue means
     * more than 20 working days elapsed on a running clock (UK-PERF-T1).
     */
    public record QueueFilter(
            Queue queue,
            AssessmentRoute route,
            CaseStatus status,
            String destination,
            String officer,
            boolean overdue,
            QueueSort sort,
            int page) {

        public QueueFilter {
            sort = sort == null ? QueueSort.TIME_IN_QUEUE : sort;
            destination = destination == null || destination.isBlank()
                    ? null
                    : destination.trim().toUpperCase(Locale.ROOT);
            officer = officer == null || officer.isBlank() ? null : officer.trim();
        }

        public static QueueFilter all() {
            return new QueueFilter(null, null, null, null, null, false, null, 1);
        }

        /** This filter as the queue page's query string, e.g. {@code ?route=STANDARD&sort=SUBMITTED&page=2}. */
        public String query() {
            StringBuilder q = new StringBuilder("?sort=")
                    .append(sort.name())
                    .append("&page=")
                    .append(Math.max(1, page));
            if (queue != null) {
                q.append("&queue=").append(queue.name());
            }
            if (route != null) {
                q.append("&route=").append(route.name());
            }
            if (status != null) {
                q.append("&status=").append(status.name());
            }
            if (destination != null && destination.matches("[A-Z]{2}")) {
                q.append("&destination=").append(destination);
            }
            if (officer != null && officer.matches("me|unassigned|[0-9a-f-]{36}")) {
                q.append("&officer=").append(officer);
            }
            if (overdue) {
                q.append("&overdue=true");
            }
            return q.toString();
        }
    }

    /** One case in a team queue, with its time in queue and where it stands on the service-level clock. */
    public record TeamQueueRow(
            UUID id,
            String reference,
            String organisation,
            LicenceType type,
            String title,
            CaseStatus status,
            AssessmentRoute route,
            String caseOfficer,
            List<String> destinations,
            List<Queue> queues,
            Instant statusSince,
            Instant submittedAt,
            int workingDaysInQueue,
            Integer workingDaysElapsed,
            boolean withApplicant) {

        /** Working days left to the 20-day target; negative when overdue; null when unknown. */
        public Integer slaDaysRemaining() {
            return workingDaysElapsed == null ? null : SlaPosition.TARGET_DAYS - workingDaysElapsed;
        }

        public boolean overdue() {
            return workingDaysElapsed != null && workingDaysElapsed > SlaPosition.TARGET_DAYS;
        }
    }

    /** The filters' SQL, with only the predicates that are set (so the planner sees plain, indexable conditions). */
    public record Where(String sql, Map<String, Object> params) {}

    public Where where(Caller caller, QueueFilter f, Instant now) {
        StringBuilder sql = new StringBuilder("""
                from licensing_case c join organisation o on o.id = c.organisation_id
                left join app_user u on u.id = c.case_officer_id
                """).append("where ").append(OPEN);
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.queue() != null) {
            sql.append(" and c.queues @> cast(:queues as varchar(40)[])");
            params.put("queues", "{" + f.queue().name() + "}");
        }
        if (f.route() != null) {
            sql.append(" and c.route = :route");
            params.put("route", f.route().name());
        }
        if (f.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.destination() != null) {
            if (!f.destination().matches("[A-Z]{2}")) {
                throw new InvalidInputException("destination", "enter a two-letter country code, e.g. DE");
            }
            sql.append(" and c.destinations @> cast(:destinations as varchar(2)[])");
            params.put("destinations", "{" + f.destination() + "}");
        }
        if ("unassigned".equals(f.officer())) {
            sql.append(" and c.case_officer_id is null");
        } else if (f.officer() != null) {
            sql.append(" and c.case_officer_id = :officer");
            params.put("officer", "me".equals(f.officer()) ? caller.userId() : officerId(f.officer()));
        }
        if (f.overdue()) {
            sql.append(" and c.sla_base <= :overdueFrom and c.status <> 'INFORMATION_REQUESTED'");
            params.put("overdueFrom", java.sql.Date.valueOf(sla.overdueFrom(now)));
        }
        return new Where(sql.toString(), params);
    }

    private static UUID officerId(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("officer", "choose an officer from the list");
        }
    }

    /** One page of a team queue; the database filters, sorts and pages (never all cases in memory). */
    public Page<TeamQueueRow> teamQueue(Caller caller, QueueFilter f) {
        Cases.requireAuthority(caller);
        Instant now = clock.instant();
        Where w = where(caller, f, now);
        var count = jdbc.sql("select count(*) " + w.sql());
        for (Map.Entry<String, Object> p : w.params().entrySet()) {
            count = count.param(p.getKey(), p.getValue());
        }
        long total = count.query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, f.page()), pages);
        LocalDate today = LocalDate.ofInstant(now, ServiceLevelClock.UK);
        var select = jdbc.sql("""
                select c.id, c.reference, o.name, c.licence_type, c.title, c.status, c.route, u.display_name,
                    array_to_string(c.destinations, ','), array_to_string(c.queues, ','), c.status_since, c.submitted_at,
                    c.sla_base
                """ + w.sql() + " order by " + f.sort().orderBy + " limit :limit offset :offset");
        for (Map.Entry<String, Object> p : w.params().entrySet()) {
            select = select.param(p.getKey(), p.getValue());
        }
        record Raw(TeamQueueRow row, LocalDate slaBase) {}
        List<Raw> raw = select.param("limit", PAGE_SIZE)
                .param("offset", (current - 1) * PAGE_SIZE)
                .query((rs, n) -> {
                    Instant since = rs.getTimestamp(11).toInstant();
                    Timestamp submitted = rs.getTimestamp(12);
                    java.sql.Date base = rs.getDate(13);
                    CaseStatus status = CaseStatus.valueOf(rs.getString(6));
                    return new Raw(
                            new TeamQueueRow(
                                    rs.getObject(1, UUID.class),
                                    rs.getString(2),
                                    rs.getString(3),
                                    LicenceType.valueOf(rs.getString(4)),
                                    rs.getString(5),
                                    status,
                                    rs.getString(7) == null ? null : AssessmentRoute.valueOf(rs.getString(7)),
                                    rs.getString(8),
                                    list(rs.getString(9)),
                                    list(rs.getString(10)).stream()
                                            .map(Queue::valueOf)
                                            .toList(),
                                    since,
                                    submitted == null ? null : submitted.toInstant(),
                                    workingDays(LocalDate.ofInstant(since, ServiceLevelClock.UK), today),
                                    null,
                                    status == CaseStatus.INFORMATION_REQUESTED),
                            base == null ? null : base.toLocalDate());
                })
                .list();
        // Exact elapsed working days for the rows on this page, from their event histories (one query for the page).
        Map<UUID, List<CaseEvent>> histories =
                histories(raw.stream().map(r -> r.row().id()).toList());
        List<TeamQueueRow> rows = new ArrayList<>();
        for (Raw r : raw) {
            TeamQueueRow q = r.row();
            Integer elapsed;
            try {
                List<CaseEvent> h = histories.get(q.id());
                elapsed = h != null && !h.isEmpty()
                        ? Integer.valueOf(serviceLevelClock.elapsedWorkingDays(h, now))
                        : r.slaBase() == null ? null : Integer.valueOf(sla.elapsed(r.slaBase(), now));
            } catch (IllegalArgumentException outsideCalendar) {
                elapsed = null;
            }
            rows.add(new TeamQueueRow(
                    q.id(),
                    q.reference(),
                    q.organisation(),
                    q.type(),
                    q.title(),
                    q.status(),
                    q.route(),
                    q.caseOfficer(),
                    q.destinations(),
                    q.queues(),
                    q.statusSince(),
                    q.submittedAt(),
                    q.workingDaysInQueue(),
                    elapsed,
                    q.withApplicant()));
        }
        return new Page<>(rows, total, current, pages);
    }

    /** Officers currently assigned to open cases, for the queue's officer filter: id and display name. */
    public List<Map.Entry<UUID, String>> assignedOfficers(Caller caller) {
        Cases.requireAuthority(caller);
        return jdbc.sql(
                        "select distinct u.id, u.display_name from licensing_case c join app_user u on u.id = c.case_officer_id"
                                + " where " + OPEN + " order by u.display_name")
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    /** The licensing authority's caseworkers and senior officers, whom a senior officer may assign cases to. */
    public List<Map.Entry<UUID, String>> authorityOfficers(Caller caller) {
        Cases.requireAuthority(caller);
        return jdbc.sql("""
                select distinct u.id, u.display_name from app_user u join organisation o on o.id = u.organisation_id
                join user_role r on r.user_id = u.id
                where o.kind = 'LICENSING_AUTHORITY' and u.enabled and r.role in ('CASEWORKER', 'SENIOR_OFFICER')
                order by u.display_name""")
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    private int workingDays(LocalDate from, LocalDate to) {
        try {
            return calendar.workingDaysAfter(from, to);
        } catch (IllegalArgumentException outsideCalendar) {
            return 0;
        }
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    // ---- service-level histories --------------------------------------------------------------------------------

    /** The event histories of the given cases, in order (cases whose transitions predate the stored events are left out). */
    Map<UUID, List<CaseEvent>> histories(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return fold(jdbc.sql("""
                select case_id, event, payload::text from licensing_case_transition where case_id in (:ids)
                order by case_id, seq""").param("ids", caseIds));
    }

    /**
     * The histories the red-tape measures need for the period {@code [from, asOf]}: cases submitted by {@code asOf}
     * that were still open then or changed since {@code from} (the measures then keep only decisions in the period).
     * Only the events are held, not the cases.
     */
    public Map<UUID, List<CaseEvent>> serviceLevelHistories(Instant from, Instant asOf) {
        return fold(jdbc.sql("""
                select t.case_id, t.event, t.payload::text from licensing_case_transition t
                join licensing_case c on c.id = t.case_id
                where c.submitted_at is not null and c.submitted_at <= :asOf
                  and (c.updated_at >= :from or c.status not in ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED'))
                order by t.case_id, t.seq""").param("from", Timestamp.from(from)).param("asOf", Timestamp.from(asOf)));
    }

    private static Map<UUID, List<CaseEvent>> fold(JdbcClient.StatementSpec statement) {
        Map<UUID, List<CaseEvent>> out = new LinkedHashMap<>();
        Set<UUID> incomplete = new HashSet<>();
        statement.query(rs -> {
            UUID id = rs.getObject(1, UUID.class);
            String payload = rs.getString(3);
            if (payload == null) {
                incomplete.add(id);
            } else {
                out.computeIfAbsent(id, k -> new ArrayList<>()).add(CaseStore.event(rs.getString(2), payload));
            }
        });
        incomplete.forEach(out::remove);
        return out;
    }

    /** The trail of a case: who moved it, when, from what to what and why (authority only). */
    record Transition(String event, CaseStatus from, CaseStatus to, String actor, String reason, Instant at) {}

    public List<Transition> trail(UUID caseId) {
        return jdbc.sql("""
                select t.event, t.from_status, t.to_status, coalesce(u.display_name, t.actor_id), t.reason, t.at
                from licensing_case_transition t
                left join app_user u on u.id::text = t.actor_id
                where t.case_id = :id order by t.seq""")
                .param("id", caseId)
                .query((rs, n) -> new Transition(
                        rs.getString(1),
                        CaseStatus.valueOf(rs.getString(2)),
                        CaseStatus.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    static ExporterStatus exporterStatus(CaseStatus status, String outcome) {
        return switch (status) {
            case DRAFT -> ExporterStatus.DRAFT;
            case SUBMITTED, INITIAL_CHECKS -> ExporterStatus.SUBMITTED;
            case UNDER_REVIEW, AWAITING_ADVICE, ADVICE_CONSOLIDATION, AWAITING_COUNTERSIGNATURE ->
                ExporterStatus.UNDER_REVIEW;
            case INFORMATION_REQUESTED -> ExporterStatus.INFORMATION_REQUESTED;
            case FINALISED -> ExporterStatus.valueOf(outcome);
            case WITHDRAWN -> ExporterStatus.WITHDRAWN;
            case UNDER_APPEAL -> ExporterStatus.UNDER_APPEAL;
            case APPEAL_DECIDED ->
                "APPROVED".equals(outcome) ? ExporterStatus.APPEAL_ALLOWED : ExporterStatus.APPEAL_DISMISSED;
        };
    }
}
