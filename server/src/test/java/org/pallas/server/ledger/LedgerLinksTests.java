package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.screening.Alert;
import org.pallas.server.screening.Alerts;
import org.pallas.server.screening.Party;
import org.pallas.server.screening.PartyInput;
import org.pallas.server.screening.PartyRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Pages that show a recorded event link to its ledger entry (screening, classification). */
@PallasTest
class LedgerLinksTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Sequencer sequencer;

    @Autowired
    PartyRegister parties;

    @Autowired
    Alerts alerts;

    private String page(Who who, String path) throws Exception {
        var response = mvc.perform(new TestCast(jdbc, tokens).as(who, get(path), false))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The leaf index of the latest entry of a subject. */
    private long latestIndex(String subjectType, Object subjectId) {
        return jdbc.sql("select leaf_index from ledger_entry where subject_type = :t and subject_id = :id "
                        + "order by seq desc limit 1")
                .param("t", subjectType)
                .param("id", subjectId.toString())
                .query(Long.class)
                .single();
    }

    private static String link(long index) {
        return "href=\"/ledger/entries/" + index + "\"";
    }

    @Test
    void aPartyPageLinksThePartysChangesAndItsAlertsToTheirEntries() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        Party party = parties.create(
                cast.caller(Who.EXPORTER_A),
                new PartyInput("Intellexa S.A.", "organisation", null, null, List.of(), "links " + UUID.randomUUID()));
        Alert alert = alerts.ofParty(cast.caller(Who.EXPORTER_A), party.id()).get(0);
        sequencer.sequenceAll();

        String html = page(Who.EXPORTER_A, "/screening/parties/" + party.id());

        assertThat(html)
                .contains("Recorded changes")
                .contains(link(latestIndex("screening-party", party.id())))
                .contains(link(latestIndex("screening-alert", alert.id())));
    }

    @Test
    void anAlertNotYetSequencedSaysSo() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        Party party = parties.create(
                cast.caller(Who.EXPORTER_A),
                new PartyInput(
                        "Intellexa S.A.", "organisation", null, null, List.of(), "pending " + UUID.randomUUID()));

        String html = page(Who.EXPORTER_A, "/screening/parties/" + party.id());

        assertThat(html).contains("ledger entry awaiting its checkpoint").contains("awaiting its checkpoint");
        sequencer.sequenceAll();
    }

    @Test
    void theListsPageLinksEveryListVersionToItsImportEntry() throws Exception {
        sequencer.sequenceAll();
        String html = page(Who.CASEWORKER, "/screening/lists");
        List<String> versions = jdbc.sql("select id::text from screening_list_version")
                .query(String.class)
                .list();
        assertThat(versions).isNotEmpty();
        for (String id : versions) {
            assertThat(html).contains(link(latestIndex("list-version", id)));
        }
    }

    @Test
    void productAndClassificationRequestPagesLinkTheirEntries() throws Exception {
        sequencer.sequenceAll();
        UUID product = jdbc.sql("select product_id from classification_request where status <> 'SUBMITTED' limit 1")
                .query(UUID.class)
                .single();
        UUID request = jdbc.sql(
                        "select id from classification_request where product_id = :p order by submitted_at desc limit 1")
                .param("p", product)
                .query(UUID.class)
                .single();

        String productPage = page(Who.CASEWORKER, "/products/" + product);
        assertThat(productPage)
                .contains("Recorded changes")
                .contains(link(latestIndex("product", product)))
                .contains(link(latestIndex("classification-request", request)));

        String requestPage = page(Who.CASEWORKER, "/classification/requests/" + request);
        assertThat(requestPage)
                .contains("Recorded changes")
                .contains(link(latestIndex("classification-request", request)));
    }
}
