package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.OrganisationInput;
import org.pallas.server.identity.Organisations;
import org.pallas.server.platform.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** One corrupt entry row (bytes that are not JSON, or JSON the log did not sign) is flagged, never a 500. */
@PallasTest
class CorruptEntryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Sequencer sequencer;

    @Autowired
    IntegrityCheck check;

    @Autowired
    Organisations organisations;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    /** The newest signed entry (on the ledger's first page), of a new organisation. */
    private long newestEntry() {
        organisations.create(
                new TestCast(jdbc, tokens).caller(Who.ADMIN),
                new OrganisationInput("Corrupted Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, "FR"));
        sequencer.sequenceAll();
        return jdbc.sql("select max(leaf_index) from ledger_entry")
                .query(Long.class)
                .single();
    }

    private MockHttpServletResponse anonymous(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    private void withEntry(long index, byte[] bytes, Check body) throws Exception {
        byte[] original = jdbc.sql("select entry from ledger_entry where leaf_index = :i")
                .param("i", index)
                .query(byte[].class)
                .single();
        jdbc.sql("update ledger_entry set entry = :e where leaf_index = :i")
                .param("e", bytes)
                .param("i", index)
                .update();
        try {
            body.run(original);
        } finally {
            jdbc.sql("update ledger_entry set entry = :e where leaf_index = :i")
                    .param("e", original)
                    .param("i", index)
                    .update();
        }
    }

    interface Check {
        void run(byte[] original) throws Exception;
    }

    @Test
    void anEntryThatIsNotJsonIsFlaggedOnThePagesAndTheApiAndReportedByTheCheck() throws Exception {
        long index = newestEntry();
        withEntry(index, "{not json".getBytes(StandardCharsets.UTF_8), original -> {
            MockHttpServletResponse list = anonymous("/ledger");
            assertThat(list.getStatus()).isEqualTo(200);
            assertThat(list.getContentAsString()).contains("Flagged: not as signed");

            MockHttpServletResponse page = anonymous("/ledger/entries/" + index);
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString())
                    .contains("The stored entry is corrupt and cannot be read")
                    .contains("The proof does not verify against the checkpoint.");

            MockHttpServletResponse api = anonymous("/api/v1/ledger/entries/" + index);
            assertThat(api.getStatus()).isEqualTo(200);
            assertThat((String) JsonPath.read(api.getContentAsString(), "$.flagged"))
                    .startsWith("The stored entry is corrupt and cannot be read; the stored entry does not match");
            assertThat(anonymous("/api/v1/ledger/entries").getStatus()).isEqualTo(200);

            assertThat(check.run().discrepancies())
                    .filteredOn(d -> index == (d.entryIndex() == null ? -1 : d.entryIndex()))
                    .extracting(IntegrityCheck.Discrepancy::problem)
                    .anySatisfy(p -> assertThat(p).contains("but the signed log holds leaf hash"))
                    .anySatisfy(p -> assertThat(p).startsWith("the full record does not match entry #" + index));
        });
    }

    @Test
    void anEntryEditedIntoOtherValidJsonIsFlaggedAsNotWhatTheLogSigned() throws Exception {
        long index = newestEntry();
        byte[] original = jdbc.sql("select entry from ledger_entry where leaf_index = :i")
                .param("i", index)
                .query(byte[].class)
                .single();
        byte[] edited = new String(original, StandardCharsets.UTF_8)
                .replace("\"FR\"", "\"DE\"")
                .getBytes(StandardCharsets.UTF_8);
        withEntry(index, edited, o -> {
            MockHttpServletResponse api = anonymous("/api/v1/ledger/entries/" + index);
            assertThat(api.getStatus()).isEqualTo(200);
            assertThat((String) JsonPath.read(api.getContentAsString(), "$.flagged"))
                    .startsWith("The stored entry does not match the signed log");
            assertThat(anonymous("/ledger").getContentAsString()).contains("Flagged: not as signed");
        });
        MockHttpServletResponse restored = anonymous("/api/v1/ledger/entries/" + index);
        assertThat(restored.getContentAsString()).doesNotContain("flagged");
    }
}
