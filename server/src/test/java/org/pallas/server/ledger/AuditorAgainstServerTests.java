package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.Note;
import org.pallas.ledger.audit.AuditReport;
import org.pallas.ledger.audit.AuditState;
import org.pallas.ledger.audit.HttpLogSource;
import org.pallas.ledger.audit.LogVerifier;
import org.pallas.ledger.cli.Audit;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.OrganisationInput;
import org.pallas.server.identity.Organisations;
import org.pallas.server.platform.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditor tool of ledger-core against this running server over real HTTP: it verifies the log, and it
 * detects an entry altered in the database and a forked checkpoint.
 */
@PallasTest
class AuditorAgainstServerTests {

    @LocalServerPort
    int port;

    @Autowired
    Sequencer sequencer;

    @Autowired
    LedgerKeys keys;

    @Autowired
    LedgerStore store;

    @Autowired
    Organisations organisations;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private URI base() {
        return URI.create("http://127.0.0.1:" + port + "/ledger");
    }

    private AuditReport audit(Path state) {
        return new LogVerifier(HttpLogSource.of(base()), List.of(keys.verifier()), new AuditState(state)).verify();
    }

    private void change() {
        organisations.create(
                new TestCast(jdbc, tokens).caller(Who.ADMIN),
                new OrganisationInput("Audited Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, ""));
        sequencer.sequenceAll();
    }

    @Test
    void verifiesTheRunningLogAndItsGrowthWithTheCommandLineTool(@TempDir Path state) {
        change();
        String[] args = {
            "verify", "--url", base().toString(), "--key", keys.verifier().encode(), "--state", state.toString()
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Audit.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .as(out.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("VERIFIED");

        change();
        out.reset();
        assertThat(Audit.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .as(out.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("consistent with");
    }

    @Test
    void provesThatAFullRecordIsInTheLog(@TempDir Path dir) throws Exception {
        change();
        long index = store.latestCheckpoint().orElseThrow().treeSize() - 1;
        Path record = dir.resolve("record.json");
        Files.write(
                record, store.record(store.entryAt(index).orElseThrow().seq()).orElseThrow());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Audit.run(
                new String[] {
                    "prove",
                    "--url",
                    base().toString(),
                    "--key",
                    keys.verifier().encode(),
                    "--record",
                    record.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("record is entry " + index);
    }

    @Test
    void detectsAnEntryAlteredInTheDatabase(@TempDir Path state) {
        change();
        assertThat(audit(state).ok()).isTrue();
        // The first entry bundle as stored: swap one character of an entry, keeping its length.
        byte[] original = jdbc.sql("select data from ledger_tile where level = -1 and idx = 0")
                .query(byte[].class)
                .single();
        String text = new String(original, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("identity.organisation.created");
        assertThat(at).isPositive();
        byte[] altered = (text.substring(0, at) + "identity.organisation.deleted" + text.substring(at + 29))
                .getBytes(StandardCharsets.ISO_8859_1);
        jdbc.sql("update ledger_tile set data = :d where level = -1 and idx = 0")
                .param("d", altered)
                .update();
        try {
            AuditReport report = audit(state);
            assertThat(report.ok()).isFalse();
            assertThat(report.problems())
                    .anySatisfy(p -> assertThat(p).startsWith("tile/0/000"))
                    .anySatisfy(p -> assertThat(p).startsWith("checkpoint root is "));
        } finally {
            jdbc.sql("update ledger_tile set data = :d where level = -1 and idx = 0")
                    .param("d", original)
                    .update();
        }
        assertThat(audit(state).ok()).isTrue();
    }

    @Test
    void detectsAForkedCheckpoint(@TempDir Path state) throws Exception {
        change();
        assertThat(audit(state).ok()).isTrue();
        // The log's own key signs a different tree of the same size: a split view, as a compromised or
        // coerced log would show to some readers.
        LedgerStore.StoredCheckpoint genuine = store.latestCheckpoint().orElseThrow();
        Checkpoint signed = Checkpoint.open(genuine.note(), List.of(keys.verifier()));
        byte[] otherRoot = new byte[32];
        new SecureRandom().nextBytes(otherRoot);
        Note fork = Note.sign(new Checkpoint(signed.origin(), signed.size(), otherRoot).text(), keys.signer());
        jdbc.sql("update ledger_checkpoint set root_hash = :r, note = :n where tree_size = :s")
                .param("r", otherRoot)
                .param("n", fork.encode())
                .param("s", signed.size())
                .update();
        try {
            AuditReport report = audit(state);
            assertThat(report.ok()).isFalse();
            assertThat(report.problems())
                    .anySatisfy(p -> assertThat(p).startsWith("fork: checkpoint root "))
                    .anySatisfy(p -> assertThat(p).startsWith("checkpoint root is "));
        } finally {
            jdbc.sql("update ledger_checkpoint set root_hash = :r, note = :n where tree_size = :s")
                    .param("r", genuine.rootHash())
                    .param("n", genuine.note())
                    .param("s", signed.size())
                    .update();
        }
        assertThat(audit(state).ok()).isTrue();
    }
}
