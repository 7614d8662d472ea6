package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.Case;
import org.pallas.licensing.CaseEvent;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.CaseTimeline;
import org.pallas.licensing.Countersignature;
import org.pallas.licensing.Decision;
import org.pallas.licensing.Outcome;
import org.pallas.licensing.RedTapeReport;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.WorkingCalendar;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.licensing.cases.CaseQueries;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.servicelevels.ServiceLevelDemoSeed;
import org.pallas.server.licensing.servicelevels.ServiceLevels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service-level demo history is there, varied and measured: the dashboard has real figures to show. */
@PallasTest
class ServiceLevelDemoSeedTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    ServiceLevels levels;

    @Autowired
    CaseQueries queries;

    @Autowired
    Cases cases;

    @Autowired
    WorkingCalendar calendar;

    @Test
    void seedsSixMonthsOfCasesAcrossRoutesSomeDecidedSomeOpen() {
        assertThat(jdbc.sql("select count(*) from demo_seed where name = :n")
                        .param("n", ServiceLevelDemoSeed.class.getName())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        long historic = jdbc.sql("select count(*) from licensing_case where submitted_at < now() - interval '30 days'")
                .query(Long.class)
                .single();
        assertThat(historic).as("cases submitted more than a month ago").isGreaterThanOrEqualTo(100);
        Map<String, Long> byRoute = jdbc
                .sql("select coalesce(route, '-'), count(*) from licensing_case group by 1")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        System.out.println("[service-level seed] cases by route: " + byRoute);
        assertThat(byRoute.keySet()).contains("FAST_TRACK", "STANDARD");
        List<String> statuses = jdbc.sql("select distinct status from licensing_case")
                .query(String.class)
                .list();
        assertThat(statuses).contains("FINALISED", "UNDER_REVIEW");
        // Decisions both within and beyond the 20-day target, and the queue projection is filled in.
        RedTapeReport report = levels.report(levels.period(null, null));
        System.out.println("[service-level seed] overall " + report.overall() + " by route " + report.byRoute()
                + " medians " + report.medianWorkingDaysToDecision() + " backlog " + report.backlog());
        assertThat(report.overall().decided()).isGreaterThanOrEqualTo(80);
        assertThat(report.overall().within20())
                .isLessThan(report.overall().decided())
                .isGreaterThan(0);
        assertThat(report.byDestination().size()).isGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("select count(*) from licensing_case where sla_base is not null")
                        .query(Long.class)
                        .single())
                .as("open running cases have a service-level position")
                .isPositive();
        // The seeded cases are ordinary cases: a caseworker sees them in the team queue.
        TestCast cast = new TestCast(jdbc, tokens);
        assertThat(levels.dashboard(cast.caller(Who.OVERSIGHT), levels.period(null, null))
                        .overall()
                        .decided())
                .isEqualTo(report.overall().decided());
    }

    @Test
    void enhancedReviewCasesAreAdvisedDecidedAndCountersignedSoTheDashboardHasTheirMedian() {
        TestCast cast = new TestCast(jdbc, tokens);
        RedTapeReport report = levels.report(levels.period(null, null));
        assertThat(report.median(AssessmentRoute.ENHANCED_REVIEW))
                .as("enhanced-review median")
                .isPresent();
        assertThat(report.median(AssessmentRoute.FAST_TRACK).orElseThrow())
                .isLessThan(report.median(AssessmentRoute.ENHANCED_REVIEW).orElseThrow());
        assertThat(levels.dashboard(cast.caller(Who.OVERSIGHT), levels.period(null, null))
                        .medians())
                .extracting(ServiceLevels.Median::route)
                .contains(AssessmentRoute.FAST_TRACK, AssessmentRoute.ENHANCED_REVIEW);

        List<Case> enhanced = new ArrayList<>();
        for (UUID id : jdbc.sql("select id from licensing_case where route = 'ENHANCED_REVIEW'")
                .query(UUID.class)
                .list()) {
            enhanced.add(cases.authorityView(cast.caller(Who.CASEWORKER), id).c());
        }
        List<Case> decided = enhanced.stream()
                .filter(c -> c.status() == CaseStatus.FINALISED)
                .toList();
        assertThat(decided).hasSizeGreaterThanOrEqualTo(10).allSatisfy(c -> {
            Decision d = c.decision().orElseThrow();
            assertThat(c.consolidatedAdvice()).isPresent();
            Countersignature k = c.countersignatures().get(c.countersignatures().size() - 1);
            assertThat(k.accepted()).isTrue();
            assertThat(k.officerId())
                    .as("four eyes")
                    .isEqualTo(cast.caller(Who.SENIOR_OFFICER).userId().toString())
                    .isNotEqualTo(d.decidedBy());
        });
        List<Decision> decisions =
                decided.stream().map(c -> c.decision().orElseThrow()).toList();
        assertThat(decisions)
                .filteredOn(d -> d.outcome() == Outcome.APPROVED)
                .hasSizeGreaterThan(decisions.size() / 2)
                .allSatisfy(d -> assertThat(d.conditions()).isNotEmpty());
        assertThat(decisions)
                .filteredOn(d -> d.outcome() == Outcome.REFUSED)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.criteria()).isNotEmpty());
        assertThat(enhanced)
                .extracting(Case::status)
                .as("recent cases still wait for advice")
                .contains(CaseStatus.AWAITING_ADVICE);
    }

    @Test
    void answeredInformationRequestsPauseTheClockAndTheirWorkingDaysExcludeThePause() {
        Instant asOf = Instant.now();
        ServiceLevelClock clock = new ServiceLevelClock(calendar, ServiceLevelClock.UK);
        // The seed's history only: other tests file cases of their own in the shared database after it ran (an
        // enhanced review answering an information request, for one), and the seed asks only on the first two routes.
        Instant seeded = jdbc.sql("select seeded_at from demo_seed where name = :n")
                .param("n", ServiceLevelDemoSeed.class.getName())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        int paused = 0;
        for (List<CaseEvent> history :
                queries.serviceLevelHistories(Instant.EPOCH, asOf).values()) {
            CaseTimeline t = CaseTimeline.of(history);
            if (t.decidedAt() == null
                    || t.pauses().isEmpty()
                    || !t.submittedAt().isBefore(seeded)) {
                continue;
            }
            paused++;
            assertThat(t.route()).isIn(AssessmentRoute.FAST_TRACK, AssessmentRoute.STANDARD);
            CaseTimeline unpaused = new CaseTimeline(
                    t.caseId(),
                    t.submittedAt(),
                    t.route(),
                    t.destinations(),
                    t.decidedAt(),
                    t.outcome(),
                    t.withdrawnAt(),
                    List.of(),
                    t.status(),
                    t.outstandingAdvice());
            // The exporter answers two to five working days later: at least one counted working day is taken back.
            assertThat(clock.elapsed(t, asOf))
                    .as("working days of %s", t.caseId())
                    .isLessThan(clock.elapsed(unpaused, asOf));
        }
        System.out.println("[service-level seed] decided cases with an answered information request: " + paused);
        assertThat(paused).isGreaterThanOrEqualTo(5);
    }
}
