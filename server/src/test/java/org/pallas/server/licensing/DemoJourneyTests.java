package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.Advice;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.Case;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.Outcome;
import org.pallas.licensing.Party;
import org.pallas.licensing.RiskContribution;
import org.pallas.policy.AdviserTeam;
import org.pallas.screening.evaluation.BundledLists;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.RegisterClassifications;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.Organisations;
import org.pallas.server.licensing.cases.CaseStore;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.cases.LiveListPartyScreening;
import org.pallas.server.licensing.cases.PartyScreening;
import org.pallas.server.licensing.cases.SubmissionAssessments;
import org.pallas.server.policy.Assessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo shows the real thing: its applications are filed after the restricted-party lists are loaded, every
 * route of the rulebook is represented for the reason its rules give, and the banner says where to look.
 *
 * <p>The shared test context screens parties with {@link ListedPartyScreening} (not the bundled lists), so the
 * listed party of the hard-stop journey is checked against the bundled lists with the live screening here.
 */
@PallasTest
class DemoJourneyTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Cases cases;

    @Autowired
    CaseStore store;

    @Autowired
    org.pallas.server.misuse.MisuseReports misuse;

    @Autowired
    LiveListPartyScreening liveLists;

    @Autowired
    RegisterClassifications register;

    @Autowired
    Organisations organisations;

    @Autowired
    Clock clock;

    @Autowired
    Assessments policy;

    @Autowired
    LicensingDemoSeed seed;

    @Autowired
    MockMvc mvc;

    private String page(Who who, String path) throws Exception {
        return mvc.perform(get(path).with(new TestCast(jdbc, tokens).session(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theDemoApplicationsAreFiledOnlyAfterTheBundledListsAreOnTheLedger() {
        // The first version of each bundled list (tests import later versions and lists of their own).
        List<String> bundled =
                BundledLists.BUNDLES.stream().map(BundledLists.Bundle::source).toList();
        long lastListImport =
                jdbc.sql("""
                select max(e.seq) from ledger_entry e
                join (select distinct on (source) id from screening_list_version where source in (:bundled)
                      order by source, imported_at) first on e.subject_id = first.id::text
                where e.type = 'screening.list.imported'""").param("bundled", bundled).query(Long.class).single();
        assertThat(jdbc.sql("select count(distinct source) from screening_list_version where source in (:bundled)")
                        .param("bundled", bundled)
                        .query(Long.class)
                        .single())
                .as("bundled lists imported")
                .isGreaterThanOrEqualTo(5);
        long firstCase = jdbc.sql("select min(seq) from ledger_entry where type like 'licensing.case.%'")
                .query(Long.class)
                .single();
        assertThat(firstCase)
                .as("first licensing case change after the last bundled list import")
                .isGreaterThan(lastListImport);
    }

    @Test
    void everyRouteOfTheRulebookIsAmongTheSeededCasesWithTheRuleThatPutItThere() {
        Map<String, List<String>> basisByRoute = new java.util.TreeMap<>();
        jdbc.sql("select route, assessment::text from licensing_case where assessment is not null")
                .query((rs, n) -> {
                    SubmissionAssessments.Summary s =
                            CaseStore.JSON.readValue(rs.getString(2), SubmissionAssessments.Summary.class);
                    basisByRoute
                            .computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                            .addAll(s.routeBasis());
                    return null;
                })
                .list();
        assertThat(basisByRoute)
                .containsOnlyKeys("FAST_TRACK", "STANDARD", "ENHANCED_REVIEW", "PRESUMPTION_OF_DENIAL", "HARD_STOP");
        assertThat(basisByRoute.get("FAST_TRACK"))
                .allMatch(b -> b.contains("no referral, presumption of denial or hard stop"));
        assertThat(basisByRoute.get("STANDARD")).anyMatch(b -> b.matches("score \\d+ >= 10"));
        assertThat(basisByRoute.get("ENHANCED_REVIEW")).contains("REF-HR-GOVERNMENT-END-USER (REFER)");
        assertThat(basisByRoute.get("PRESUMPTION_OF_DENIAL")).anyMatch(b -> b.matches("score \\d+ >= 100"));
        assertThat(basisByRoute.get("HARD_STOP")).contains("HS-EMBARGO-SURVEILLANCE-ITEMS (HARD_STOP)");
        assertThat(jdbc.sql(
                                "select count(*) from licensing_case_command where payload::text like '%RF-PARTY-NOT-SCREENED%'")
                        .query(Long.class)
                        .single())
                .as("no demo party was routed unscreened")
                .isZero();
        assertThat(jdbc.sql("select count(*) from licensing_case_command where payload::text like '%RF-RISK-TIER-3%'")
                        .query(Long.class)
                        .single())
                .as("the routing's rule contributions are in the stored commands")
                .isPositive();
    }

    @Test
    void eachJourneyCaseIsRoutedByItsRulesAndStandsWhereItsJourneyStarts() {
        TestCast cast = new TestCast(jdbc, tokens);
        var caseworker = cast.caller(Who.CASEWORKER);
        Case fast = cases.authorityView(caseworker, LicensingDemoSeed.NORTHBRIDGE_SUBMITTED)
                .c();
        assertThat(fast.routing().orElseThrow().route()).isEqualTo(AssessmentRoute.FAST_TRACK);
        assertThat(fast.status()).isEqualTo(CaseStatus.INITIAL_CHECKS);

        Case standard = cases.authorityView(caseworker, LicensingDemoSeed.NORTHBRIDGE_STANDARD)
                .c();
        assertThat(standard.routing().orElseThrow().route()).isEqualTo(AssessmentRoute.STANDARD);
        assertThat(standard.routing().orElseThrow().contributions())
                .extracting(RiskContribution::ruleId)
                .contains("RF-RISK-TIER-3");
        assertThat(standard.status()).isEqualTo(CaseStatus.UNDER_REVIEW);

        Case enhanced = cases.authorityView(caseworker, LicensingDemoSeed.CALDER_COUNTERSIGNATURE)
                .c();
        assertThat(enhanced.routing().orElseThrow().route()).isEqualTo(AssessmentRoute.ENHANCED_REVIEW);
        assertThat(store.assessment(LicensingDemoSeed.CALDER_COUNTERSIGNATURE)
                        .orElseThrow()
                        .routeBasis())
                .anyMatch(b -> b.matches("score \\d+ >= 40"));
        assertThat(enhanced.routing().orElseThrow().contributions())
                .extracting(RiskContribution::ruleId)
                .contains("RF-FEATURES-OR-TRAINING-MISMATCH", "RF-OVERSIGHT-UNKNOWN", "RF-RISK-TIER-3");
        assertThat(enhanced.status()).isEqualTo(CaseStatus.AWAITING_COUNTERSIGNATURE);
        assertThat(enhanced.advice())
                .extracting(Advice::team)
                .containsExactlyInAnyOrder(
                        AdviserTeam.HUMAN_RIGHTS, AdviserTeam.NATIONAL_SECURITY, AdviserTeam.DEFENCE);
        assertThat(enhanced.proposedDecision().orElseThrow().outcome()).isEqualTo(Outcome.APPROVED);

        Case presumption = cases.authorityView(caseworker, LicensingDemoSeed.CALDER_PRESUMPTION)
                .c();
        assertThat(presumption.routing().orElseThrow().route()).isEqualTo(AssessmentRoute.PRESUMPTION_OF_DENIAL);
        assertThat(presumption.routing().orElseThrow().contributions())
                .extracting(RiskContribution::ruleId)
                .contains("RF-ARMS-EMBARGO", "RF-GOVERNMENT-END-USER-D1-D5", "RF-AUTOCRACY");
        assertThat(presumption.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
    }

    @Test
    void theHardStopJourneysEndUserIsOnTheBundledListsAndStopsTheApplication() {
        TestCast cast = new TestCast(jdbc, tokens);
        CaseStore.Loaded loaded =
                cases.authorityView(cast.caller(Who.CASEWORKER), LicensingDemoSeed.NORTHBRIDGE_HARD_STOP);
        Party endUser = loaded.c().application().current().details().parties().get(0);
        assertThat(endUser.name()).isEqualTo(LicensingDemoSeed.LISTED_PARTY);

        var screened = liveLists.screen(endUser);
        assertThat(screened.screened()).isTrue();
        assertThat(screened.hits())
                .as("OFAC SDN and US Entity List entries")
                .anySatisfy(h -> assertThat(h.sanctioned()).isTrue())
                .anySatisfy(h -> assertThat(h.entityList()).isTrue());

        SubmissionAssessments live = new SubmissionAssessments(
                policy,
                new StaticListableBeanFactory(Map.of("live", liveLists)).getBeanProvider(PartyScreening.class),
                register,
                organisations,
                store,
                misuse);
        SubmissionAssessments.Result result = live.assess(
                null,
                loaded.reference(),
                loaded.c().application().current().details(),
                loaded.declarations(),
                LocalDate.now(clock));
        assertThat(result.routing().route()).isEqualTo(AssessmentRoute.HARD_STOP);
        assertThat(result.summary().routeBasis())
                .contains("HS-SANCTIONED-PARTY (HARD_STOP)", "HS-ENTITY-LIST-PARTY (HARD_STOP)");
    }

    @Test
    void theBannerNamesEachJourneyWithItsPathAndLogin() {
        List<String> lines = seed.bannerLines();
        assertThat(lines)
                .anyMatch(l ->
                        l.contains("/cases/" + LicensingDemoSeed.NORTHBRIDGE_SUBMITTED) && l.endsWith("(caseworker)"));
        assertThat(lines)
                .anyMatch(l ->
                        l.contains("/cases/" + LicensingDemoSeed.CALDER_COUNTERSIGNATURE) && l.endsWith("(senior)"));
        assertThat(lines)
                .anyMatch(l ->
                        l.contains("/cases/" + LicensingDemoSeed.NORTHBRIDGE_HARD_STOP) && l.contains("listed party"));
        assertThat(lines).anyMatch(l -> l.contains("/service-levels") && l.endsWith("(oversight)"));
        assertThat(lines).anyMatch(l -> l.contains("/ledger/checkpoint"));
        assertThat(lines)
                .anyMatch(l -> l.startsWith("Cases by route: ")
                        && l.contains("HARD_STOP")
                        && l.contains("PRESUMPTION_OF_DENIAL"));
    }

    @Test
    void theCasePageReadsInWordsWhileTheApiKeepsTheCodes() throws Exception {
        String page = page(Who.CASEWORKER, "/cases/" + LicensingDemoSeed.CALDER_PRESUMPTION);
        assertThat(page)
                .contains(
                        "<dd id=\"case-status\">Under review</dd>",
                        "<dd id=\"case-route\">Presumption of denial</dd>",
                        "<span>Intelligence</span> (declared by the exporter",
                        "<p>China</p>",
                        "<span>End user</span>",
                        "(Security intelligence)");
        assertThat(page).doesNotContain(">PRESUMPTION_OF_DENIAL<", ">UNDER_REVIEW<", ">INTELLIGENCE<", ">CN<");
        String api = mvc.perform(new TestCast(jdbc, tokens)
                        .as(Who.EXPORTER_B, get("/api/v1/applications/" + LicensingDemoSeed.CALDER_PRESUMPTION), true))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(api).contains("\"status\":\"UNDER_REVIEW\"", "\"endUseCategory\":\"INTELLIGENCE\"", "\"CN\"");
    }

    @Test
    void theExportersApplicationsListTheMostRecentlyActiveFirstWithTheirDates() throws Exception {
        String page = page(Who.EXPORTER_A, "/applications");
        assertThat(page).contains("<th scope=\"col\">Last activity</th>");
        List<String> days = Pattern.compile("<td>(\\d{4}-\\d{2}-\\d{2})</td>")
                .matcher(page)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(days).hasSizeGreaterThan(10).isSortedAccordingTo(Comparator.reverseOrder());
        // The draft started at seeding time is newer than the application submitted 52 hours before it.
        assertThat(page.indexOf(reference(LicensingDemoSeed.NORTHBRIDGE_DRAFT)))
                .isLessThan(page.indexOf(reference(LicensingDemoSeed.NORTHBRIDGE_HARD_STOP)));
    }

    private String reference(UUID id) {
        return jdbc.sql("select reference from licensing_case where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
