package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.ConfirmedRatings;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo shows the real thing: its applications are filed after the restricted-party lists are loaded, every
 * route of the rulebook is represented for the reason its rules give, and the banner says where to look.
 *
 * <p>The shared test context screens parties with {@link ListedPartyScreening} (not the bundled lists), so the
 * listed party of the hard-stop journey is checked against the bundled lists with the live screening here.
 */
@PallasTest
class DemoJourneyTests {

    @Autowired JdbcClient jdbc;
    @Autowired AccessTokens tokens;
    @Autowired Cases cases;
    @Autowired CaseStore store;
    @Autowired LiveListPartyScreening liveLists;
    @Autowired ConfirmedRatings ratings;
    @Autowired Clock clock;
    @Autowired LicensingDemoSeed seed;

    @Test
    void theDemoApplicationsAreFiledOnlyAfterTheBundledListsAreOnTheLedger() {
        long lastListImport = jdbc.sql("select max(seq) from ledger_entry where type = 'screening.list.imported'")
                .query(Long.class).single();
        long firstCase = jdbc.sql("select min(seq) from ledger_entry where type like 'licensing.case.%'")
                .query(Long.class).single();
        assertThat(firstCase).as("first licensing case change after the last bundled list import")
                .isGreaterThan(lastListImport);
    }

    @Test
    void everyRouteOfTheRulebookIsAmongTheSeededCasesWithTheRuleThatPutItThere() {
        Map<String, List<String>> basisByRoute = new java.util.TreeMap<>();
        jdbc.sql("select route, assessment::text from licensing_case where assessment is not null").query((rs, n) -> {
            SubmissionAssessments.Summary s = CaseStore.JSON.readValue(rs.getString(2), SubmissionAssessments.Summary.class);
            basisByRoute.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).addAll(s.routeBasis());
            return null;
        }).list();
        assertThat(basisByRoute).containsOnlyKeys("FAST_TRACK", "STANDARD", "ENHANCED_REVIEW", "PRESUMPTION_OF_DENIAL",
                "HARD_STOP");
        assertThat(basisByRoute.get("FAST_TRACK")).allMatch(b -> b.contains("no referral, presumption of denial or hard stop"));
        assertThat(basisByRoute.get("STANDARD")).anyMatch(b -> b.matches("score \\d+ >= 10"));
        assertThat(basisByRoute.get("ENHANCED_REVIEW")).contains("REF-HR-GOVERNMENT-END-USER (REFER)");
        assertThat(basisByRoute.get("PRESUMPTION_OF_DENIAL")).anyMatch(b -> b.matches("score \\d+ >= 100"));
        assertThat(basisByRoute.get("HARD_STOP")).contains("HS-EMBARGO-SURVEILLANCE-ITEMS (HARD_STOP)");
        assertThat(jdbc.sql("select count(*) from licensing_case_command where payload::text like '%RF-PARTY-NOT-SCREENED%'")
                .query(Long.class).single()).as("no demo party was routed unscreened").isZero();
        assertThat(jdbc.sql("select count(*) from licensing_case_command where payload::text like '%RF-RISK-TIER-3%'")
                .query(Long.class).single()).as("the routing's rule contributions are in the stored commands").isPositive();
    }

    @Test
    void eachJourneyCaseIsRoutedByItsRulesAndStandsWhereItsJourneyStarts() {
        TestCast cast = new TestCast(jdbc, tokens);
        var caseworker = cast.caller(Who.CASEWORKER);
        Case fast = cases.authorityView(caseworker, LicensingDemoSeed.NORTHBRIDGE_SUBMITTED).c();
        assertThat(fast.routing().orElseThrow().route()).isEqualTo(AssessmentRoute.FAST_TRACK);
        assertThat(fast.status()).isEqualTo(CaseStatus.INITIAL_CHECKS);

        Case standard = cases.authorityView(caseworker, LicensingDemoSeed.NORTHBRIDGE_STANDARD).c();
        assertThat(standard.routing().orElseThrow().route()).isEqualTo(AssessmentRoute.STANDARD);
        assertThat(standard.routing().orElseThrow().contributions()).extracting(RiskContribution::ruleId)
                .contains("RF-RISK-TIER-3");
        assertThat(standard.status()).isEqualTo(CaseStatus.UNDER_REVIEW);

        Case enhanced = cases.authorityView(caseworker, LicensingDemoSeed.CALDER_COUNTERSIGNATURE).c();
        assertThat(enhanced.routing().orElseThrow().route()).isEqualTo(AssessmentRoute.ENHANCED_REVIEW);
        assertThat(store.assessment(LicensingDemoSeed.CALDER_COUNTERSIGNATURE).orElseThrow().routeBasis())
                .contains("REF-HR-GOVERNMENT-END-USER (REFER)");
        assertThat(enhanced.status()).isEqualTo(CaseStatus.AWAITING_COUNTERSIGNATURE);
        assertThat(enhanced.advice()).extracting(Advice::team)
                .containsExactlyInAnyOrder(AdviceTeam.HUMAN_RIGHTS, AdviceTeam.NATIONAL_SECURITY, AdviceTeam.DEFENCE);
        assertThat(enhanced.proposedDecision().orElseThrow().outcome()).isEqualTo(Outcome.APPROVED);

        Case presumption = cases.authorityView(caseworker, LicensingDemoSeed.CALDER_PRESUMPTION).c();
        assertThat(presumption.routing().orElseThrow().route()).isEqualTo(AssessmentRoute.PRESUMPTION_OF_DENIAL);
        assertThat(presumption.routing().orElseThrow().contributions()).extracting(RiskContribution::ruleId)
                .contains("RF-ARMS-EMBARGO", "RF-GOVERNMENT-END-USER-D1-D5", "RF-AUTOCRACY");
        assertThat(presumption.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
    }

    @Test
    void theHardStopJourneysEndUserIsOnTheBundledListsAndStopsTheApplication() {
        TestCast cast = new TestCast(jdbc, tokens);
        CaseStore.Loaded loaded = cases.authorityView(cast.caller(Who.CASEWORKER), LicensingDemoSeed.NORTHBRIDGE_HARD_STOP);
        Party endUser = loaded.c().application().current().details().parties().get(0);
        assertThat(endUser.name()).isEqualTo(LicensingDemoSeed.LISTED_PARTY);

        var screened = liveLists.screen(endUser);
        assertThat(screened.screened()).isTrue();
        assertThat(screened.hits()).as("OFAC SDN and US Entity List entries")
                .anySatisfy(h -> assertThat(h.sanctioned()).isTrue())
                .anySatisfy(h -> assertThat(h.entityList()).isTrue());

        SubmissionAssessments live = new SubmissionAssessments(clock,
                new StaticListableBeanFactory(Map.of("live", liveLists)).getBeanProvider(PartyScreening.class), ratings);
        SubmissionAssessments.Result result = live.assess(null, loaded.reference(),
                loaded.c().application().current().details(), loaded.declarations(), LocalDate.now(clock));
        assertThat(result.routing().route()).isEqualTo(AssessmentRoute.HARD_STOP);
        assertThat(result.summary().routeBasis())
                .contains("HS-SANCTIONED-PARTY (HARD_STOP)", "HS-ENTITY-LIST-PARTY (HARD_STOP)");
    }

    @Test
    void theBannerNamesEachJourneyWithItsPathAndLogin() {
        List<String> lines = seed.bannerLines();
        assertThat(lines).anyMatch(l -> l.contains("/cases/" + LicensingDemoSeed.NORTHBRIDGE_SUBMITTED) && l.endsWith("(caseworker)"));
        assertThat(lines).anyMatch(l -> l.contains("/cases/" + LicensingDemoSeed.CALDER_COUNTERSIGNATURE) && l.endsWith("(senior)"));
        assertThat(lines).anyMatch(l -> l.contains("/cases/" + LicensingDemoSeed.NORTHBRIDGE_HARD_STOP) && l.contains("listed party"));
        assertThat(lines).anyMatch(l -> l.contains("/service-levels") && l.endsWith("(oversight)"));
        assertThat(lines).anyMatch(l -> l.contains("/ledger/checkpoint"));
        assertThat(lines).anyMatch(l -> l.startsWith("Cases by route: ") && l.contains("HARD_STOP")
                && l.contains("PRESUMPTION_OF_DENIAL"));
    }
}
