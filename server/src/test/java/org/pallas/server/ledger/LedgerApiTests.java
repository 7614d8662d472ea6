package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.ConsistencyProof;
import org.pallas.ledger.EntryBundle;
import org.pallas.ledger.InclusionProof;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.NoteVerifier;
import org.pallas.ledger.record.LedgerRecord;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.OrganisationInput;
import org.pallas.server.identity.Organisations;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.ReadLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The public read API, as an anonymous client sees it, checked with ledger-core's verifiers. */
@PallasTest
class LedgerApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Sequencer sequencer;

    @Autowired
    Organisations organisations;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ReadLog readLog;

    private MockHttpServletResponse anonymous(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    private Checkpoint checkpoint() throws Exception {
        NoteVerifier key =
                NoteVerifier.parse(anonymous("/api/v1/ledger/verifier-key").getContentAsString());
        return Checkpoint.open(anonymous("/ledger/checkpoint").getContentAsByteArray(), List.of(key));
    }

    private String createOrganisation(String name) {
        return organisations
                .create(
                        new TestCast(jdbc, tokens).caller(Who.ADMIN),
                        new OrganisationInput(name, OrganisationKind.EXPORTER, ""))
                .id()
                .toString();
    }

    @Test
    void servesFullTilesAsImmutableAndTheCheckpointAsGrowing() throws Exception {
        // At least one full tile (256 entries) at level 0 and in the entry bundles.
        TestCast cast = new TestCast(jdbc, tokens);
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 260; i++) {
                organisations.create(
                        cast.caller(Who.ADMIN),
                        new OrganisationInput("Bulk Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, ""));
            }
        });
        sequencer.sequenceAll();

        MockHttpServletResponse full = anonymous("/ledger/tile/0/000");
        assertThat(full.getStatus()).isEqualTo(200);
        assertThat(full.getContentAsByteArray()).hasSize(256 * 32);
        assertThat(full.getHeader("Cache-Control")).contains("immutable").contains("max-age=31536000");
        MockHttpServletResponse bundle = anonymous("/ledger/tile/entries/000");
        assertThat(EntryBundle.decode(bundle.getContentAsByteArray(), 256, "entries/000"))
                .hasSize(256);
        assertThat(bundle.getHeader("Cache-Control")).contains("immutable");

        MockHttpServletResponse note = anonymous("/ledger/checkpoint");
        assertThat(note.getContentType()).startsWith("text/plain");
        assertThat(note.getHeader("Cache-Control")).contains("no-cache").doesNotContain("immutable");
        Checkpoint checkpoint = checkpoint();
        assertThat(checkpoint.size()).isGreaterThanOrEqualTo(260);
        MockHttpServletResponse partial = anonymous("/ledger/tile/0/000.p/3");
        assertThat(partial.getContentAsByteArray())
                .isEqualTo(java.util.Arrays.copyOf(full.getContentAsByteArray(), 96));
    }

    @Test
    void publicEntriesCarryOnlyADigestOfTheConfidentialRecord() throws Exception {
        String name = "Confidential Name " + UUID.randomUUID();
        String id = createOrganisation(name);
        sequencer.sequenceAll();
        long index = jdbc.sql("select leaf_index from ledger_entry where subject_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();

        String json = anonymous("/api/v1/ledger/entries/" + index).getContentAsString();
        assertThat(json).doesNotContain(name);
        // an organisation is named in public by its pseudonym only (issue 13)
        String subject = JsonPath.read(json, "$.subjectId");
        assertThat(subject).matches("ps1:[0-9a-f]{32}");
        assertThat(json).doesNotContain(id);
        assertThat((String) JsonPath.read(json, "$.type")).isEqualTo("identity.organisation.created");
        assertThat(anonymous("/ledger/entries/" + index).getContentAsString())
                .doesNotContain(name)
                .doesNotContain(id)
                .contains(subject);
        assertThat(anonymous("/api/v1/ledger/records/" + index).getStatus()).isEqualTo(401);

        TestCast cast = new TestCast(jdbc, tokens);
        MockHttpServletResponse asAuditor = mvc.perform(
                        cast.as(Who.AUDITOR, get("/api/v1/ledger/records/" + index), true))
                .andReturn()
                .getResponse();
        LedgerRecord record = LedgerRecord.decode(asAuditor.getContentAsByteArray());
        // the auditor reads the real identifier in the confidential record
        assertThat(new String(record.payload(), StandardCharsets.UTF_8))
                .contains(name)
                .contains(id);
        assertThat(MerkleHash.hex(MerkleHash.leaf(record.entry().encode())))
                .isEqualTo(JsonPath.read(json, "$.leafHash"));
        assertThat(mvc.perform(cast.as(Who.EXPORTER_A, get("/api/v1/ledger/records/" + index), true))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        long reads = readLog.count("ledger-record", index);
        assertThat(mvc.perform(cast.as(Who.OVERSIGHT, get("/api/v1/ledger/records/" + index), true))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(readLog.count("ledger-record", index))
                .as("oversight reads are logged")
                .isEqualTo(reads + 1);
    }

    @Test
    void inclusionAndConsistencyProofsVerifyAgainstSignedCheckpoints() throws Exception {
        sequencer.sequenceAll();
        Checkpoint older = checkpoint();
        String id = createOrganisation("Proven Org " + UUID.randomUUID());
        createOrganisation("Proven Org " + UUID.randomUUID());
        sequencer.sequenceAll();
        Checkpoint newer = checkpoint();
        long index = jdbc.sql("select leaf_index from ledger_entry where subject_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();

        String proof = anonymous("/api/v1/ledger/proofs/inclusion?index=" + index + "&treeSize=" + newer.size())
                .getContentAsString();
        byte[] leaf = MerkleHash.fromHex(
                JsonPath.read(anonymous("/api/v1/ledger/entries/" + index).getContentAsString(), "$.leafHash"));
        InclusionProof inclusion = new InclusionProof(index, newer.size(), hashes(proof));
        inclusion.verify(leaf, newer.rootHash());

        String consistency = anonymous("/api/v1/ledger/proofs/consistency?from=" + older.size() + "&to=" + newer.size())
                .getContentAsString();
        new ConsistencyProof(older.size(), newer.size(), hashes(consistency))
                .verify(older.rootHash(), newer.rootHash());
    }

    @Test
    void refusesProofsForTreeSizesTheLogNeverSigned() throws Exception {
        sequencer.sequenceAll();
        long size = checkpoint().size();
        MockHttpServletResponse response = anonymous("/api/v1/ledger/proofs/inclusion?index=0&treeSize=" + (size + 7));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("The log has signed no checkpoint of size " + (size + 7));
        assertThat(anonymous("/api/v1/ledger/proofs/inclusion?index=" + size + "&treeSize=" + size)
                        .getStatus())
                .isEqualTo(400);
    }

    @Test
    void thePublicLedgerPageShowsTheCheckpointKeyAndAnEntrysVerifiedProof() throws Exception {
        sequencer.sequenceAll();
        String page = anonymous("/ledger").getContentAsString();
        assertThat(page)
                .contains(checkpoint().origin())
                .contains(anonymous("/api/v1/ledger/verifier-key").getContentAsString());
        assertThat(anonymous("/ledger/entries/0").getContentAsString())
                .contains("This entry is included in the signed tree of size "
                        + checkpoint().size());
    }

    private static List<byte[]> hashes(String json) {
        List<String> hashes = JsonPath.read(json, "$.hashes");
        return hashes.stream().map(Base64.getDecoder()::decode).toList();
    }
}
