package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.ClassificationStatus;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.licensing.Product;
import org.pallas.licensing.QuantityModel;
import org.pallas.licensing.Queue;
import org.pallas.licensing.Safeguard;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.UndertakingDocument;
import org.pallas.licensing.WorkingCalendar;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.licensing.cases.BackdatedCases;
import org.pallas.server.licensing.cases.CaseQueries;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.KnownCallers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Team queues: filters, sorting, pagination, time in queue and service-level days, done by the database with
 * indexes. The known cases go to Mongolia (MN), where no other test or demo case goes.
 */
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamQueueTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KnownCallers callers;

    @Autowired
    AccessTokens tokens;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    CaseQueries queries;

    @Autowired
    Cases cases;

    @Autowired
    Clock clock;

    TestCast cast;
    String oldAssigned;
    String oldUnassigned;
    String recent;

    static Instant london(int y, int m, int d, int h) {
        return ZonedDateTime.of(y, m, d, h, 0, 0, 0, ServiceLevelClock.UK).toInstant();
    }

    @BeforeAll
    void cases() {
        cast = new TestCast(jdbc, tokens);
        tx.executeWithoutResult(s -> {
            BackdatedCases b = new BackdatedCases(cases, callers, london(2025, 9, 1, 10));
            Caller exporter = b.caller("northbridge.lee");
            Caller caseworker = b.caller("caseworker");
            UUID a = submit(b.at(london(2025, 9, 1, 10)), exporter);
            b.at(london(2025, 9, 1, 11)).assignToSelf(caseworker, a);
            b.at(london(2025, 9, 1, 12)).completeInitialChecks(caseworker, a);
            UUID u = submit(b.at(london(2025, 9, 15, 10)), exporter);
            UUID r = submit(cases, exporter);
            oldAssigned = reference(a);
            oldUnassigned = reference(u);
            recent = reference(r);
        });
    }

    private static UUID submit(Cases cases, Caller exporter) {
        return submit(cases, exporter, "MN");
    }

    private static UUID submit(Cases cases, Caller exporter, String country) {
        Party endUser = new Party(
                "EU1",
                PartyRole.END_USER,
                "Steppe Security LLC",
                country,
                "Main street 1, " + country,
                EndUserType.COMMERCIAL,
                null);
        ApplicationDetails details = new ApplicationDetails(
                List.of(new Product("P1", "Pen-test suite", ClassificationStatus.CONFIRMED, List.of("4D004"))),
                List.of(endUser),
                Set.of(country),
                "Authorised testing of the customer's own systems.",
                new UndertakingDocument("u-" + UUID.randomUUID(), "application/pdf", 1000, "c".repeat(64)),
                Set.of(Safeguard.AUDIT_RIGHTS, Safeguard.NO_ONWARD_TRANSFER, Safeguard.LOGGING),
                new QuantityModel(2, 1, 1, 12),
                null);
        UUID id = cases.startDraft(
                exporter, LicenceType.INDIVIDUAL, details, new CaseCommand.Declarations(1, "PENETRATION_TESTING"));
        cases.submit(exporter, id);
        return id;
    }

    private String reference(UUID id) {
        return jdbc.sql("select reference from licensing_case where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private List<String> refs(String officer, Queue queue, boolean overdue, CaseQueries.QueueSort sort) {
        return queries
                .teamQueue(
                        cast.caller(Who.CASEWORKER),
                        new CaseQueries.QueueFilter(queue, null, null, "mn", officer, overdue, sort, 1))
                .items()
                .stream()
                .map(CaseQueries.TeamQueueRow::reference)
                .toList();
    }

    @Test
    void filtersByDestinationOfficerQueueAndOverdue() {
        assertThat(refs(null, null, false, null)).containsExactlyInAnyOrder(oldAssigned, oldUnassigned, recent);
        assertThat(refs("me", null, false, null)).containsExactly(oldAssigned);
        assertThat(refs("unassigned", null, false, null)).containsExactlyInAnyOrder(oldUnassigned, recent);
        assertThat(refs(null, Queue.LICENSING_RECEPTION, false, null)).containsExactlyInAnyOrder(oldUnassigned, recent);
        // Under review, the case sits in its route's queue (whatever route the assessment gave Mongolia).
        Queue review = AssessmentRoute.valueOf(jdbc.sql("select route from licensing_case where reference = :r")
                        .param("r", oldAssigned)
                        .query(String.class)
                        .single())
                .queue();
        assertThat(refs(null, review, false, null)).containsExactly(oldAssigned);
        assertThat(refs(null, null, true, null)).as("overdue").containsExactlyInAnyOrder(oldAssigned, oldUnassigned);
        // Another caseworker's "me" is not this caseworker's.
        assertThat(queries.teamQueue(
                                cast.caller(Who.SENIOR_OFFICER),
                                new CaseQueries.QueueFilter(null, null, null, "MN", "me", false, null, 1))
                        .items())
                .isEmpty();
    }

    @Test
    void sortsByServiceLevelDaysRemainingSubmissionAndTimeInQueue() {
        assertThat(refs(null, null, false, CaseQueries.QueueSort.SLA_DAYS_REMAINING))
                .containsExactly(oldAssigned, oldUnassigned, recent);
        assertThat(refs(null, null, false, CaseQueries.QueueSort.SUBMITTED))
                .containsExactly(oldAssigned, oldUnassigned, recent);
        // The assigned case moved to review on 1 September; the other entered initial checks on 15 September.
        assertThat(refs(null, null, false, CaseQueries.QueueSort.TIME_IN_QUEUE))
                .containsExactly(oldAssigned, oldUnassigned, recent);
    }

    @Test
    void rowsShowWorkingDaysInQueueAndElapsedOnTheServiceLevelClock() {
        WorkingCalendar calendar = WorkingCalendar.englandAndWales();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ServiceLevelClock.UK);
        Map<String, CaseQueries.TeamQueueRow> rows = new java.util.HashMap<>();
        queries.teamQueue(
                        cast.caller(Who.CASEWORKER),
                        new CaseQueries.QueueFilter(null, null, null, "MN", null, false, null, 1))
                .items()
                .forEach(r -> rows.put(r.reference(), r));
        CaseQueries.TeamQueueRow old = rows.get(oldAssigned);
        int expected = calendar.workingDaysAfter(LocalDate.of(2025, 9, 1), today.minusDays(1));
        assertThat(old.workingDaysElapsed()).isEqualTo(expected);
        assertThat(old.slaDaysRemaining()).isEqualTo(20 - expected);
        assertThat(old.overdue()).isTrue();
        assertThat(old.workingDaysInQueue()).isEqualTo(calendar.workingDaysAfter(LocalDate.of(2025, 9, 1), today));
        assertThat(rows.get(recent).workingDaysElapsed()).isZero();
        assertThat(rows.get(recent).overdue()).isFalse();
        assertThat(rows.get(recent).queues()).containsExactly(Queue.LICENSING_RECEPTION);
        assertThat(rows.get(recent).destinations()).containsExactly("MN");
    }

    @Test
    void paginatesOpenCasesInTheDatabase() {
        long open = jdbc.sql("select count(*) from licensing_case c where " + CaseQueries.OPEN)
                .query(Long.class)
                .single();
        var first = queries.teamQueue(cast.caller(Who.CASEWORKER), CaseQueries.QueueFilter.all());
        assertThat(first.total()).isEqualTo(open);
        assertThat(first.pages()).isEqualTo((int) ((open + CaseQueries.PAGE_SIZE - 1) / CaseQueries.PAGE_SIZE));
        assertThat(first.items()).hasSize((int) Math.min(open, CaseQueries.PAGE_SIZE));
        var second = queries.teamQueue(
                cast.caller(Who.CASEWORKER), new CaseQueries.QueueFilter(null, null, null, null, null, false, null, 2));
        assertThat(second.page()).isEqualTo(Math.min(2, first.pages()));
        if (first.pages() > 1) {
            assertThat(second.items())
                    .extracting(CaseQueries.TeamQueueRow::id)
                    .doesNotContainAnyElementsOf(first.items().stream()
                            .map(CaseQueries.TeamQueueRow::id)
                            .toList());
        }
    }

    @Test
    void thePageFiltersAndShowsFieldMessagesForABadDestination() throws Exception {
        String html = mvc.perform(get("/queues")
                        .param("destination", "MN")
                        .param("overdue", "true")
                        .param("sort", "SLA_DAYS_REMAINING")
                        .with(cast.session(Who.CASEWORKER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains(oldAssigned, oldUnassigned, "overdue", "Working days elapsed")
                .doesNotContain(recent);
        String bad = mvc.perform(get("/queues").param("destination", "Mongolia").with(cast.session(Who.CASEWORKER)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(bad).contains("enter a two-letter country code", "href=\"#destination\"");
        mvc.perform(get("/queues").with(cast.session(Who.EXPORTER_A))).andExpect(status().isForbidden());
    }

    @Test
    void aSeniorOfficerAssignsACaseToAnOfficerFromTheQueueAndACaseworkerCannot() throws Exception {
        UUID id = tx.execute(s -> {
            Caller exporter = cast.caller(Who.EXPORTER_A);
            return submit(cases, exporter, "BT");
        });
        UUID caseworker = cast.caller(Who.CASEWORKER).userId();
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/queues/assign")
                                .param("case", id.toString())
                                .param("officer", caseworker.toString())
                                .with(cast.session(Who.CASEWORKER))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isForbidden());
        String page = mvc.perform(get("/queues").param("destination", "BT").with(cast.session(Who.SENIOR_OFFICER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("action=\"/queues/assign\"", "Officer for " + reference(id));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/queues/assign")
                        .param("case", id.toString())
                        .param("officer", cast.caller(Who.EXPORTER_A).userId().toString())
                        .with(cast.session(Who.SENIOR_OFFICER))
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/queues/assign")
                                .param("case", id.toString())
                                .param("officer", caseworker.toString())
                                .param("back", "?destination=BT&page=1")
                                .with(cast.session(Who.SENIOR_OFFICER))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/queues?destination=BT&page=1"));
        assertThat(jdbc.sql("select case_officer_id from licensing_case where id = :id")
                        .param("id", id)
                        .query(UUID.class)
                        .single())
                .isEqualTo(caseworker);
        assertThat(queries.teamQueue(
                                cast.caller(Who.CASEWORKER),
                                new CaseQueries.QueueFilter(null, null, null, "BT", "me", false, null, 1))
                        .items())
                .extracting(CaseQueries.TeamQueueRow::id)
                .containsExactly(id);
    }

    /** With 10,000 cases the queue's filters and sorts are answered from indexes, not by reading every case. */
    @Test
    void queueQueriesUseIndexesAtTenThousandCases() {
        tx.executeWithoutResult(s -> {
            UUID org = jdbc.sql("select id from organisation where name = 'Northbridge Security Ltd'")
                    .query(UUID.class)
                    .single();
            jdbc.sql("""
                    insert into licensing_case (id, organisation_id, reference, licence_type, title, status, route,
                        status_since, submitted_at, created_at, updated_at, destinations, queues, sla_base)
                    select gen_random_uuid(), :org, 'LOAD-' || g, 'INDIVIDUAL', 'Load case ' || g,
                        case when g % 10 < 7 then 'FINALISED' else 'UNDER_REVIEW' end,
                        case when g % 3 = 0 then 'STANDARD' else 'FAST_TRACK' end,
                        now() - g * interval '7 minutes', now() - g * interval '7 minutes', now() - g * interval '7 minutes',
                        now(), array[(array['DE','FR','US','NL','AT','SE','IT','ES','PL','JP'])[g % 10 + 1]]::varchar(2)[],
                        case when g % 10 < 7 then '{}'::varchar(40)[] else '{FAST_TRACK}'::varchar(40)[] end,
                        case when g % 10 < 7 then null else current_date - (g % 90) end
                    from generate_series(1, 10000) g""").param("org", org).update();
            jdbc.sql("analyze licensing_case").update();
            Caller caseworker = cast.caller(Who.CASEWORKER);
            Instant now = clock.instant();
            String bySla = plan(
                    caseworker,
                    new CaseQueries.QueueFilter(
                            null, null, null, null, null, false, CaseQueries.QueueSort.SLA_DAYS_REMAINING, 1),
                    now);
            assertThat(bySla).contains("licensing_case_open_by_sla").doesNotContain("Seq Scan on licensing_case");
            String inQueue = plan(caseworker, CaseQueries.QueueFilter.all(), now);
            assertThat(inQueue)
                    .contains("licensing_case_open_by_status_since")
                    .doesNotContain("Seq Scan on licensing_case");
            String byDestination = plan(
                    caseworker,
                    new CaseQueries.QueueFilter(
                            null, null, null, "JP", null, false, CaseQueries.QueueSort.SUBMITTED, 1),
                    now);
            assertThat(byDestination)
                    .containsAnyOf("licensing_case_by_destination", "licensing_case_open_by_submission")
                    .doesNotContain("Seq Scan on licensing_case");
            s.setRollbackOnly();
        });
    }

    private String plan(Caller caller, CaseQueries.QueueFilter f, Instant now) {
        CaseQueries.Where w = queries.where(caller, f, now);
        var explain =
                jdbc.sql("explain select c.id " + w.sql() + " order by " + f.sort().orderBy + " limit 25 offset 0");
        for (Map.Entry<String, Object> p : w.params().entrySet()) {
            explain = explain.param(p.getKey(), p.getValue());
        }
        String plan = String.join("\n", explain.query(String.class).list());
        System.out.println("[queue plan] " + f + "\n" + plan);
        return plan;
    }
}
