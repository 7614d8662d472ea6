package org.pallas.server.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pallas.screening.ListCatalogue;
import org.pallas.screening.ScoringConfig;
import org.pallas.screening.importing.ListFormat;
import org.pallas.screening.importing.ListImportException;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Screening in the server: bundled lists in PostgreSQL, search, delta re-screening, alert review, isolation. */
@PallasTest
class ScreeningTests {

    private static final String HEADER =
            "source,entry_id,kind,name,aliases,country,program,listed_on,delisted_on,citation,remarks\n";

    @Autowired
    RestrictedLists lists;

    @Autowired
    PartyRegister parties;

    @Autowired
    Alerts alerts;

    @Autowired
    Searches searches;

    @Autowired
    RecordedChanges recorded;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    TestCast cast;

    @BeforeEach
    void listsLoaded() throws InterruptedException {
        cast = new TestCast(jdbc, tokens);
        assertThat(lists.awaitLoaded(Duration.ofMinutes(4)))
                .as("bundled lists loaded")
                .isTrue();
    }

    @Test
    void bundledListsAreStoredAsVersionsWithHashesCountsAndReports() {
        List<RestrictedLists.StoredVersion> versions = lists.versions();
        for (var bundle : RestrictedLists.SHIPPED) {
            RestrictedLists.StoredVersion v = versions.stream()
                    .filter(s -> s.source().equals(bundle.source()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no stored version of " + bundle.source()));
            assertThat(v.entries()).as(v.source()).isPositive();
            assertThat(v.contentHash()).matches("[0-9a-f]{64}");
            assertThat(v.added()).as("first import: every entry is new").isPositive();
            assertThat(v.report().get("files").size()).isEqualTo(bundle.files().size());
            assertThat(v.report().get("malformations").size()).isEqualTo(v.malformed());
            assertThat(v.inUse()).isTrue();
        }
        assertThat(lists.inUse())
                .anyMatch(l -> l.startsWith("US-OFAC-SDN@2024-05-03#"))
                .anyMatch(l -> l.startsWith("UN-SC@2026-02-27#"));
        Long stored = jdbc.sql("select count(*) from screening_list_file")
                .query(Long.class)
                .single();
        assertThat(stored)
                .isGreaterThanOrEqualTo(RestrictedLists.SHIPPED.stream()
                        .mapToInt(b -> b.files().size())
                        .sum());
    }

    @ParameterizedTest(name = "{0} finds {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Intelexa             | organisation | intellexa",
                "Cytrox AD            | organisation | cytrox",
                "Tal Dillian          | person       | dilian",
                "NSO Group Ltd        | organisation | nso group",
                "Saito Tech Ltd       | organisation | candiru",
                "Positive Technologies AO | organisation | positive technologies"
            })
    void spywareSectorEntriesAreFoundUnderRealisticVariants(String name, String kind, String listed) throws Exception {
        JsonNode body = searchAs(Who.EXPORTER_A, "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}");
        JsonNode top = body.get("matches").get(0);
        assertThat(top.get("listedName").asString().toLowerCase(java.util.Locale.ROOT))
                .contains(listed);
        assertThat(top.get("alert").asBoolean()).as("alerts on %s", name).isTrue();
        assertThat(top.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(top.get("explanation").size()).isPositive();
        List<String> versions = new java.util.ArrayList<>();
        body.get("listVersions")
                .forEach(
                        v -> versions.add(v.asString().substring(0, v.asString().indexOf('@'))));
        assertThat(versions)
                .containsAll(
                        RestrictedLists.SHIPPED.stream().map(b -> b.source()).toList());
    }

    @Test
    void searchRejectsBadInputWithProblemDetailsNamingTheField() throws Exception {
        mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/screening/search"), true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Intelexa\",\"country\":\"ZZZ\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/screening/search"), true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Intelexa\",\"kind\":\"planet\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/screening/search"), true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Intelexa\",\"birthDate\":\"1970-13\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void searchHistoryStaysWithinTheOrganisation() throws Exception {
        String unique = "Quillon Varda " + UUID.randomUUID().toString().substring(0, 8);
        searchAs(Who.EXPORTER_A, "{\"name\":\"" + unique + "\"}");
        assertThat(searches.history(cast.caller(Who.EXPORTER_A)))
                .anyMatch(h -> h.name().equals(unique));
        assertThat(searches.history(cast.caller(Who.EXPORTER_B)))
                .noneMatch(h -> h.name().equals(unique));
        assertThat(searches.history(cast.caller(Who.CASEWORKER)))
                .anyMatch(h -> h.name().equals(unique));
    }

    @Test
    void batchStreamsOneResultLinePerRowInOrderWithErrorsNamed() throws Exception {
        String csv =
                "name,kind,birthDate\nIntelexa,organisation,\n\"Cytrox, AD\",organisation,\nTal Dilian,person,19xx\n";
        String out = mvc.perform(cast.as(Who.EXPORTER_B, post("/api/v1/screening/batch"), true)
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<JsonNode> rows = out.lines().map(json::readTree).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(rows.get(0)
                        .get("matches")
                        .get(0)
                        .get("listedName")
                        .asString()
                        .toLowerCase(java.util.Locale.ROOT))
                .contains("intellexa");
        assertThat(rows.get(1).get("name").asString()).isEqualTo("Cytrox, AD");
        assertThat(rows.get(2).get("line").asInt()).isEqualTo(4);
        assertThat(rows.get(2).get("error").asString()).contains("date");
    }

    @Test
    void demoPartyWasRescreenedAgainstTheBundledListsAndRaisedAnAlert() {
        Caller a = cast.caller(Who.EXPORTER_A);
        List<Alert> raised = alerts.ofParty(a, ScreeningDemoSeed.PARTY_A);
        assertThat(raised)
                .anyMatch(
                        al -> al.listedName().toLowerCase(java.util.Locale.ROOT).contains("intellexa")
                                && !al.explanation().isEmpty());
        assertThat(parties.screenings(a, ScreeningDemoSeed.PARTY_A))
                .anyMatch(s -> s.trigger().equals("CREATED"))
                .anyMatch(s -> s.trigger().equals("LIST_UPDATE")
                        && s.alerts() > 0
                        && !s.listVersions().isEmpty());
        assertThatThrownBy(() -> alerts.ofParty(cast.caller(Who.EXPORTER_B), ScreeningDemoSeed.PARTY_A)
                        .get(0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aListUpdateRescreensOnlyTheDeltaRaisesReopensAndLapsesAlerts() throws Exception {
        String source = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String listed = "Zorvath Quellmar " + source.substring(5) + " Systems";
        Caller a = cast.caller(Who.EXPORTER_A);
        Party party = parties.create(a, new PartyInput(listed + " Ltd", "organisation", null, null, List.of(), null));
        assertThat(alerts.ofParty(a, party.id())).isEmpty();

        int mark = recorded.mark();
        importProject(source, "2026-01-01", row(source, "X1", listed, "", ""));
        assertThat(recorded.since(mark))
                .anyMatch(s -> s.change().type().equals("screening.list.imported") && s.inTransaction())
                .anyMatch(s -> s.change().type().equals("screening.alert.raised") && s.inTransaction());
        Alert alert = only(alerts.ofParty(a, party.id()));
        assertThat(alert.status()).isEqualTo("OPEN");
        assertThat(alert.listVersion()).contains(source + "@2026-01-01");
        assertThat(parties.screenings(a, party.id()).get(0).listVersions()).anyMatch(l -> l.startsWith(source + "@"));

        alerts.clear(a, alert.id(), "Different company: registered in another country, different directors");
        RestrictedLists.StoredVersion v2 = importProject(
                source,
                "2026-02-01",
                row(source, "X1", listed, "", "") + row(source, "X2", "Unrelated Harbour Works", "", ""));
        assertThat(v2.added()).isEqualTo(1);
        assertThat(v2.changed()).isZero();
        assertThat(only(alerts.ofParty(a, party.id())).status())
                .as("unchanged entry: the cleared alert stays cleared")
                .isEqualTo("CLEARED");

        importProject(
                source,
                "2026-03-01",
                row(source, "X1", listed, "ZQ Systems", "") + row(source, "X2", "Unrelated Harbour Works", "", ""));
        Alert reopened = only(alerts.ofParty(a, party.id()));
        assertThat(reopened.status())
                .as("the entry changed: the cleared alert reopens")
                .isEqualTo("OPEN");
        assertThat(reopened.reason()).isNull();

        RestrictedLists.StoredVersion v4 = importProject(
                source,
                "2026-04-01",
                row(source, "X1", listed, "ZQ Systems", "2026-03-15")
                        + row(source, "X2", "Unrelated Harbour Works", "", ""));
        assertThat(v4.removed()).isEqualTo(1);
        Alert lapsed = only(alerts.ofParty(a, party.id()));
        assertThat(lapsed.status()).as("delisted before the version's date").isEqualTo("LAPSED");
        assertThat(lapsed.reason()).contains(source + "@2026-04-01");
        JsonNode body = searchAs(Who.EXPORTER_A, "{\"name\":\"" + listed + "\"}");
        for (JsonNode m : body.get("matches")) {
            assertThat(m.get("entryId").asString() + m.get("alert").asBoolean()).isNotEqualTo("X1true");
        }
    }

    @Test
    void malformedRowsAreReportedWithLineNumbersAndAFailedImportKeepsTheVersionInUse() throws Exception {
        String source = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        RestrictedLists.StoredVersion v = importProject(
                source,
                "2026-01-01",
                row(source, "G1", "Good Entry Trading", "", "") + source
                        + ",B1,spaceship,Bad Kind Entry,,,P,2020-01-01,,c,r\n");
        assertThat(v.entries()).isEqualTo(1);
        assertThat(v.malformed()).isEqualTo(1);
        assertThat(v.report().get("malformations").get(0).get("line").asInt()).isEqualTo(3);
        List<String> before = lists.inUse();
        assertThatThrownBy(() -> importProject(source, "2026-02-01", "")).isInstanceOf(ListImportException.class);
        assertThat(lists.inUse()).isEqualTo(before).anyMatch(l -> l.equals(v.label()));
    }

    @Test
    void alertReviewIsRecordedAndStaysWithTheOwningOrganisation() throws Exception {
        Caller a = cast.caller(Who.EXPORTER_A);
        Party party =
                parties.create(a, new PartyInput("Intellexa S.A.", "organisation", null, null, List.of(), "review"));
        Alert alert = alerts.ofParty(a, party.id()).get(0);
        assertThatThrownBy(() -> alerts.find(cast.caller(Who.EXPORTER_B), alert.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> alerts.clear(cast.caller(Who.CASEWORKER), alert.id(), "not ours"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> alerts.clear(a, alert.id(), " ")).isInstanceOf(InvalidInputException.class);

        int mark = recorded.mark();
        Alert confirmed = alerts.confirm(a, alert.id(), "Same registration number");
        assertThat(confirmed.status()).isEqualTo("CONFIRMED");
        assertThat(confirmed.decidedBy()).isEqualTo(a.userId());
        List<RecordedChanges.Seen> seen = recorded.since(mark);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).inTransaction()).isTrue();
        assertThat(seen.get(0).change().type()).isEqualTo("screening.alert.confirmed");
        assertThat(seen.get(0).change().confidentialPayload()).containsEntry("reason", "Same registration number");
        assertThatThrownBy(() -> alerts.clear(a, alert.id(), "changed my mind"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(alerts.find(cast.caller(Who.CASEWORKER), alert.id()).status())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aNameHidingAnInvisibleCharacterAlertsAndThePartyPageShowsTheCharacterWrittenOut() throws Exception {
        Caller a = cast.caller(Who.EXPORTER_A);
        Party party = parties.create(
                a, new PartyInput("Intel\u200blexa S.A.", "organisation", null, null, List.of(), "evasion"));
        assertThat(alerts.ofParty(a, party.id())).isNotEmpty();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/screening/parties/" + party.id())
                        .with(cast.session(Who.EXPORTER_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Intel[U+200B]lexa S.A.").doesNotContain("Intel\u200blexa");
    }

    @Test
    void aRestartRestoresTheVersionsInUseFromTheStoredFiles() {
        ListCatalogue fresh = new ListCatalogue(ScoringConfig.defaults());
        RestrictedLists restarted = new RestrictedLists(fresh, parties, jdbc, tx, events, json, Clock.systemUTC());
        restarted.restoreStored();
        assertThat(restarted.inUse()).containsExactlyInAnyOrderElementsOf(lists.inUse());
        assertThat(fresh.snapshot().index().entryCount())
                .isEqualTo(lists.index().entryCount());
    }

    private JsonNode searchAs(Who who, String request) throws Exception {
        String out = mvc.perform(cast.as(who, post("/api/v1/screening/search"), true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(out);
    }

    private RestrictedLists.StoredVersion importProject(String source, String published, String rows)
            throws ListImportException {
        return lists.importVersion(
                ListFormat.PROJECT_CSV,
                source,
                LocalDate.parse(published),
                List.of(new RestrictedLists.ListFile(
                        source + ".csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8))),
                null);
    }

    private static String row(String source, String id, String name, String aliases, String delisted) {
        return source + "," + id + ",organisation," + name + "," + aliases + ",,TEST,2020-01-01," + delisted
                + ",test fixture,\n";
    }

    private static Alert only(List<Alert> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
