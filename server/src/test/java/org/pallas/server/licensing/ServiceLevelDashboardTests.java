package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
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
import org.pallas.licensing.Outcome;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.licensing.Product;
import org.pallas.licensing.QuantityModel;
import org.pallas.licensing.Queue;
import org.pallas.licensing.RedTapeReport;
import org.pallas.licensing.Routing;
import org.pallas.licensing.Safeguard;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.Shares;
import org.pallas.licensing.UndertakingDocument;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.licensing.cases.BackdatedCases;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.servicelevels.ServiceLevels;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.KnownCallers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard over known cases, decided through the domain service at known historic times (spring 2025, when
 * no other test makes cases), with the exact figures worked out by hand from the England and Wales calendar.
 */
@PallasTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceLevelDashboardTests {

    static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    static final LocalDate TO = LocalDate.of(2025, 6, 30);

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
    Cases cases;

    @Autowired
    ServiceLevels levels;

    @Autowired
    ProductRegister products;

    TestCast cast;

    static Instant london(int y, int m, int d, int h) {
        return ZonedDateTime.of(y, m, d, h, 0, 0, 0, ServiceLevelClock.UK).toInstant();
    }

    @BeforeAll
    void history() {
        cast = new TestCast(jdbc, tokens);
        // The products come from the exporter's register, whose classification routing reads.
        String pentest = cast.registeredProduct(
                products, Who.EXPORTER_A, "Redline assessment toolkit", TestCast.PENTEST_FRAMEWORK);
        String research = cast.registeredProduct(
                products, Who.EXPORTER_A, "Fuzzing and exploit research platform", TestCast.EXPLOIT_FRAMEWORK);
        tx.executeWithoutResult(s -> {
            BackdatedCases b = new BackdatedCases(cases, callers, london(2025, 2, 3, 10));
            Caller exporter = b.caller("northbridge.lee");
            Caller caseworker = b.caller("caseworker");
            // Fast track (the register's tier 2, penetration testing). Submitted Monday 3 March 2025 unless said
            // otherwise.
            decided(
                    b,
                    pentest,
                    research,
                    exporter,
                    caseworker,
                    AssessmentRoute.FAST_TRACK,
                    "NO",
                    london(2025, 3, 3, 10),
                    london(2025, 3, 5, 15)); // 2
            decided(
                    b,
                    pentest,
                    research,
                    exporter,
                    caseworker,
                    AssessmentRoute.FAST_TRACK,
                    "NO",
                    london(2025, 3, 3, 10),
                    london(2025, 4, 1, 15)); // 21
            decided(
                    b,
                    pentest,
                    research,
                    exporter,
                    caseworker,
                    AssessmentRoute.FAST_TRACK,
                    "SE",
                    london(2025, 3, 3, 10),
                    london(2025, 3, 31, 15)); // 20
            // Standard (security research by a commercial end user, declared tier 3, stricter than the register's
            // tier 2 and so the tier routed on: score 15).
            decided(
                    b,
                    pentest,
                    research,
                    exporter,
                    caseworker,
                    AssessmentRoute.STANDARD,
                    "NO",
                    london(2025, 3, 3, 10),
                    london(2025, 6, 2, 15)); // 61
            decided(
                    b,
                    pentest,
                    research,
                    exporter,
                    caseworker,
                    AssessmentRoute.STANDARD,
                    "SE",
                    london(2025, 3, 3, 10),
                    london(2025, 3, 14, 15)); // 9
            // Decided before the period: not counted.
            decided(
                    b,
                    pentest,
                    research,
                    exporter,
                    caseworker,
                    AssessmentRoute.FAST_TRACK,
                    "NO",
                    london(2025, 2, 3, 10),
                    london(2025, 2, 5, 15));
            // Still open at the end of the period: backlog of the fast-track queue.
            decided(
                    b,
                    pentest,
                    research,
                    exporter,
                    caseworker,
                    AssessmentRoute.FAST_TRACK,
                    "SE",
                    london(2025, 3, 10, 10),
                    null);
        });
    }

    private static void decided(
            BackdatedCases b,
            String pentest,
            String research,
            Caller exporter,
            Caller caseworker,
            AssessmentRoute route,
            String country,
            Instant submitted,
            Instant decided) {
        boolean fast = route == AssessmentRoute.FAST_TRACK;
        Party endUser = new Party(
                "EU1",
                PartyRole.END_USER,
                "Known customer " + country + " AS",
                country,
                "Storgata 1, " + country,
                EndUserType.COMMERCIAL,
                null);
        ApplicationDetails details = new ApplicationDetails(
                List.of(new Product(
                        fast ? pentest : research,
                        fast ? "Pen-test suite" : "Research platform",
                        ClassificationStatus.CONFIRMED,
                        List.of("4D004"))),
                List.of(endUser),
                Set.of(country),
                "Authorised testing and research for the customer's own systems.",
                new UndertakingDocument("u-" + UUID.randomUUID(), "application/pdf", 1000, "b".repeat(64)),
                Set.of(Safeguard.AUDIT_RIGHTS, Safeguard.NO_ONWARD_TRANSFER, Safeguard.LOGGING),
                new QuantityModel(2, 1, 1, 12),
                null);
        Cases cases = b.at(submitted);
        UUID id = cases.startDraft(
                exporter,
                LicenceType.INDIVIDUAL,
                details,
                new CaseCommand.Declarations(fast ? 2 : 3, fast ? "PENETRATION_TESTING" : "SECURITY_RESEARCH"));
        cases.submit(exporter, id);
        Routing routing = cases.authorityView(caseworker, id).c().routing().orElseThrow();
        assertThat(routing.route()).as("route of the known case (precondition)").isEqualTo(route);
        b.at(submitted.plusSeconds(3600)).assignToSelf(caseworker, id);
        b.at(submitted.plusSeconds(7200)).completeInitialChecks(caseworker, id);
        if (decided != null) {
            b.at(decided)
                    .decide(
                            caseworker,
                            id,
                            Outcome.APPROVED,
                            "Legitimate customer.",
                            List.of(),
                            routing.suggestedConditions());
        }
    }

    @Test
    void sharesWithinTwentyAndSixtyWorkingDaysOverallByRouteAndByDestination() {
        RedTapeReport r = levels.report(levels.period(FROM, TO));
        assertThat(r.asOf()).isEqualTo(london(2025, 7, 1, 0));
        assertThat(r.overall()).isEqualTo(new Shares(5, 3, 4));
        assertThat(r.route(AssessmentRoute.FAST_TRACK)).isEqualTo(new Shares(3, 2, 3));
        assertThat(r.route(AssessmentRoute.STANDARD)).isEqualTo(new Shares(2, 1, 1));
        assertThat(r.destination("NO")).isEqualTo(new Shares(3, 1, 2));
        assertThat(r.destination("SE")).isEqualTo(new Shares(2, 2, 2));
        assertThat(r.byDestination()).containsOnlyKeys("NO", "SE");
        assertThat(r.overall().meetsPrimaryTarget())
                .as("60% is below the 70% target")
                .isFalse();
    }

    @Test
    void medianWorkingDaysToDecisionByRouteAndBacklogByQueue() {
        RedTapeReport r = levels.report(levels.period(FROM, TO));
        assertThat(r.median(AssessmentRoute.FAST_TRACK)).hasValue(20.0); // 2, 20, 21
        assertThat(r.median(AssessmentRoute.STANDARD)).hasValue(35.0); // 9, 61
        assertThat(r.median(AssessmentRoute.ENHANCED_REVIEW)).isEmpty();
        assertThat(r.backlog()).containsExactlyEntriesOf(java.util.Map.of(Queue.FAST_TRACK, 1L));
    }

    @Test
    void theDashboardPageShowsTheFiguresToTheAuthorityAndOversightOnly() throws Exception {
        for (Who who : List.of(Who.CASEWORKER, Who.SENIOR_OFFICER, Who.OVERSIGHT, Who.AUDITOR)) {
            String html = mvc.perform(get("/service-levels")
                            .param("from", FROM.toString())
                            .param("to", TO.toString())
                            .with(cast.session(who)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html)
                    .as(who.name())
                    .contains(
                            "60.0%",
                            "80.0%", "below target", ">Fast track<", ">Standard<", ">Norway<", ">Sweden<", "35");
        }
        for (Who who : List.of(Who.EXPORTER_A, Who.ADVISER, Who.CIVIL_SOCIETY)) {
            mvc.perform(get("/service-levels").with(cast.session(who))).andExpect(status().isForbidden());
        }
    }

    @Test
    void thePublicVersionIsAggregateOnlyAndWithholdsSmallDestinations() throws Exception {
        String html = mvc.perform(get("/transparency/service-levels")
                        .param("from", FROM.toString())
                        .param("to", TO.toString()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("60.0%", "80.0%", "2</span> destinations with fewer than 5 decisions")
                .doesNotContain(">NO<", ">SE<", "by-destination\"");
        ServiceLevels.Dashboard d = levels.transparency(levels.period(FROM, TO));
        assertThat(d.byDestination()).isEmpty();
        assertThat(d.destinationsWithheld()).isEqualTo(2);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedWithAFieldMessage() throws Exception {
        mvc.perform(get("/service-levels")
                        .param("from", "2025-06-01")
                        .param("to", "2025-03-01")
                        .with(cast.session(Who.OVERSIGHT)))
                .andExpect(status().isBadRequest());
    }
}
