package org.pallas.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.Note;
import org.pallas.ledger.TileId;

/** The auditor command end to end against a directory of tiles (offline audit). */
class AuditCommandTest {
    @TempDir
    Path temp;

    Path logDir;
    Path stateDir;
    TestLog log;

    @BeforeEach
    void publishALog() throws Exception {
        logDir = temp.resolve("log");
        stateDir = temp.resolve("state");
        log = new TestLog(logDir, 42).append(7).append(3);
    }

    @Test
    void verifiesAnIntactLogAndRemembersItsCheckpoint() throws Exception {
        Result r = audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());

        assertThat(r.status).isEqualTo(0);
        assertThat(r.out)
                .isEqualTo(String.join(
                        "\n",
                        "ok   checkpoint " + log.checkpoint + " signed by [" + signer() + "]",
                        "ok   10 entries give the checkpoint root; 1 hash tile(s) checked against them",
                        "ok   first audit of pallas.test/ledger: no earlier checkpoint in " + stateFile(),
                        "VERIFIED",
                        ""));
        assertThat(Files.readAllBytes(stateFile())).isEqualTo(Files.readAllBytes(logDir.resolve("checkpoint")));
    }

    @Test
    void acceptsGrowthThatIsConsistentWithTheRememberedCheckpoint() throws Exception {
        audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());
        log.append(300);

        Result r = audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());

        assertThat(r.status).isEqualTo(0);
        assertThat(r.out)
                .contains("ok   310 entries give the checkpoint root; 3 hash tile(s) checked against them\n")
                .contains("ok   consistent with the checkpoint verified earlier (size 10, root " + hex(log.tree, 10)
                        + "): proof of 9 hashes\n");
    }

    @Test
    void reportsTheAlteredEntryItsTileHashAndTheRoot() throws Exception {
        Path bundle = logDir.resolve("tile/entries/000.p/10");
        byte[] data = Files.readAllBytes(bundle);
        String text = new String(data, StandardCharsets.ISO_8859_1).replace("APP-2026-1004", "APP-2026-1904");
        Files.write(bundle, text.getBytes(StandardCharsets.ISO_8859_1));
        byte[] alteredEntry = log.records.get(4).entry().encode();
        alteredEntry = new String(alteredEntry, StandardCharsets.UTF_8)
                .replace("APP-2026-1004", "APP-2026-1904")
                .getBytes(StandardCharsets.UTF_8);
        org.pallas.ledger.MemoryTree altered = new org.pallas.ledger.MemoryTree();
        for (int i = 0; i < 10; i++) {
            altered.appendData(
                    i == 4 ? alteredEntry : log.records.get(i).entry().encode());
        }

        Result r = audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());

        assertThat(r.status).isEqualTo(1);
        assertThat(r.out)
                .isEqualTo(String.join(
                        "\n",
                        "ok   checkpoint " + log.checkpoint + " signed by [" + signer() + "]",
                        "ok   first audit of pallas.test/ledger: no earlier checkpoint in " + stateFile(),
                        "FAIL tile/0/000.p/10: hash 4 (entry 4) is " + MerkleHash.hex(log.tree.hash(0, 4))
                                + ", but the entries give " + MerkleHash.hex(MerkleHash.leaf(alteredEntry)),
                        "FAIL checkpoint root is " + hex(log.tree, 10) + ", but the entries give root "
                                + MerkleHash.hex(altered.rootHash()),
                        "NOT VERIFIED: 2 problem(s)",
                        ""));
        assertThat(stateFile()).doesNotExist();
    }

    @Test
    void reportsTheAlteredHashOfATileAtItsLevelAndIndex() throws Exception {
        log.append(260);
        Path level1 = logDir.resolve(TileId.tile(1, 0, 1).path());
        byte[] data = Files.readAllBytes(level1);
        data[5] ^= 1;
        Files.write(level1, data);
        byte[] served = Arrays.copyOf(data, 32);

        Result r = audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());

        assertThat(r.status).isEqualTo(1);
        assertThat(r.out)
                .contains("ok   270 entries give the checkpoint root; 3 hash tile(s) checked against them\n")
                .contains("FAIL tile/1/000.p/1: hash 0 (tree level 8, entries 0 to 255) is " + MerkleHash.hex(served)
                        + ", but the entries give " + MerkleHash.hex(log.tree.hash(8, 0)) + "\n")
                .endsWith("NOT VERIFIED: 1 problem(s)\n");
    }

    @Test
    void detectsAForkedLogThatRewroteHistoryUnderTheSameKey() throws Exception {
        audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());
        Checkpoint seen = log.checkpoint;
        // The operator serves another history: a fresh log of 12 entries from a different seed, same key.
        Path forkDir = temp.resolve("fork");
        TestLog fork = new TestLog(forkDir, 7).append(12);

        Result r = audit("verify", "--dir", forkDir.toString(), "--key", fork.vkey(), "--state", stateDir.toString());

        assertThat(r.status).isEqualTo(1);
        assertThat(r.out)
                .contains("ok   12 entries give the checkpoint root; 1 hash tile(s) checked against them\n")
                .contains(
                        "FAIL fork: checkpoint size 12 is not consistent with the checkpoint verified earlier (size 10, root "
                                + MerkleHash.hex(seen.rootHash()) + "): consistency proof gives root "
                                + hex(fork.tree, 10)
                                + " for tree size 10, expected " + MerkleHash.hex(seen.rootHash()) + "\n");
    }

    @Test
    void detectsTwoCheckpointsOfTheSameSizeWithDifferentRoots() throws Exception {
        audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());
        TestLog fork = new TestLog(temp.resolve("fork"), 9).append(10);

        Result r = audit(
                "verify",
                "--dir",
                temp.resolve("fork").toString(),
                "--key",
                log.vkey(),
                "--state",
                stateDir.toString());

        assertThat(r.status).isEqualTo(1);
        assertThat(r.out)
                .contains("FAIL fork: checkpoint root " + hex(fork.tree, 10)
                        + " differs from the checkpoint verified earlier (size 10, root " + hex(log.tree, 10) + ")\n");
    }

    @Test
    void detectsARollback() throws Exception {
        log.append(5);
        audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());
        TestLog older = new TestLog(temp.resolve("old"), 42).append(7).append(3);

        Result r = audit(
                "verify", "--dir", temp.resolve("old").toString(), "--key", log.vkey(), "--state", stateDir.toString());

        assertThat(r.status).isEqualTo(1);
        assertThat(r.out)
                .contains(
                        "FAIL rollback: checkpoint size 10 is smaller than the checkpoint verified earlier (size 15, root "
                                + hex(log.tree, 15) + ")\n");
        assertThat(older.checkpoint.size()).isEqualTo(10);
    }

    @Test
    void acceptsGrowthFromAnEmptyLogOnlyIfItsRootWasTheEmptyRoot() throws Exception {
        org.pallas.ledger.audit.AuditState state = new org.pallas.ledger.audit.AuditState(stateDir);
        Checkpoint emptyButWrong = new Checkpoint(TestLog.ORIGIN, 0, log.tree.hash(0, 0));
        state.save(TestLog.ORIGIN, Note.sign(emptyButWrong.text(), log.signer).encode());

        Result r = audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());

        assertThat(r.status).isEqualTo(1);
        assertThat(r.out)
                .contains("FAIL fork: the checkpoint verified earlier (size 0, root "
                        + MerkleHash.hex(log.tree.hash(0, 0))
                        + ") is an empty tree whose root is not the empty-tree root "
                        + MerkleHash.hex(MerkleHash.emptyRoot()) + "\n");

        state.save(
                TestLog.ORIGIN,
                Note.sign(new Checkpoint(TestLog.ORIGIN, 0, MerkleHash.emptyRoot()).text(), log.signer)
                        .encode());
        Result ok = audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());
        assertThat(ok.status).isEqualTo(0);
        assertThat(ok.out).contains("ok   grew from the empty tree verified earlier\n");
    }

    @Test
    void rejectsACheckpointSignedByAnotherKey() throws Exception {
        String otherKey = org.pallas.ledger.NoteSigner.fromSeed(TestLog.ORIGIN, new byte[32])
                .verifier()
                .encode();

        Result r = audit("verify", "--dir", logDir.toString(), "--key", otherKey, "--state", stateDir.toString());

        assertThat(r.status).isEqualTo(1);
        assertThat(r.out)
                .isEqualTo("FAIL checkpoint: signature: note has no verifiable signatures: signed by ["
                        + signer() + "], trusted keys are [" + otherKey.substring(0, otherKey.lastIndexOf('+')) + "]\n"
                        + "NOT VERIFIED: 1 problem(s)\n");
    }

    @Test
    void reportsAMissingBundle() throws Exception {
        Files.delete(logDir.resolve("tile/entries/000.p/10"));

        Result r = audit("verify", "--dir", logDir.toString(), "--key", log.vkey(), "--state", stateDir.toString());

        assertThat(r.status).isEqualTo(1);
        assertThat(r.out)
                .contains("FAIL tile/entries/000.p/10: missing\n")
                .contains("FAIL cannot recompute the root: only 0 of 10 entries are readable\n");
    }

    @Test
    void verifiesALogWhoseOlderEntriesAreInRecordFormatVersion1() throws Exception {
        Path mixedDir = temp.resolve("mixed");
        TestLog mixed = new TestLog(mixedDir, 9).append(5, 1).append(4);
        assertThat(new String(mixed.records.get(4).encode(), StandardCharsets.UTF_8))
                .startsWith("{\"v\":1,");
        assertThat(new String(mixed.records.get(5).encode(), StandardCharsets.UTF_8))
                .endsWith(",\"v\":2}");

        Result verified =
                audit("verify", "--dir", mixedDir.toString(), "--key", mixed.vkey(), "--state", stateDir.toString());
        assertThat(verified.status).isEqualTo(0);
        assertThat(verified.out)
                .contains("ok   9 entries give the checkpoint root; 1 hash tile(s) checked against them\n")
                .doesNotContain("FAIL");

        for (int index : new int[] {2, 7}) {
            Path record = temp.resolve("record-" + index + ".json");
            Files.write(record, mixed.records.get(index).encode());
            Result proved =
                    audit("prove", "--dir", mixedDir.toString(), "--key", mixed.vkey(), "--record", record.toString());
            assertThat(proved.status).as("record %d", index).isEqualTo(0);
            assertThat(proved.out).contains("ok   record is entry " + index + " (leaf hash ");
        }
    }

    @Test
    void provesThatAFullRecordIsInTheLog() throws Exception {
        Path record = temp.resolve("record.json");
        Files.write(record, log.records.get(8).encode());

        Result r = audit("prove", "--dir", logDir.toString(), "--key", log.vkey(), "--record", record.toString());

        assertThat(r.status).isEqualTo(0);
        assertThat(r.out)
                .isEqualTo(String.join(
                        "\n",
                        "ok   full record: its payload matches the entry's digest sha256:"
                                + MerkleHash.hex(log.records.get(8).entry().payloadDigest()),
                        "ok   checkpoint " + log.checkpoint + " signed by [" + signer() + "]",
                        "ok   record is entry 8 (leaf hash " + MerkleHash.hex(log.tree.hash(0, 8))
                                + "); inclusion proof of 2 hashes verifies against the checkpoint root",
                        "VERIFIED",
                        ""));
    }

    @Test
    void savesATlogProofThatChecksOfflineForThatRecordOnly() throws Exception {
        Path record = temp.resolve("record.json");
        Files.write(record, log.records.get(6).encode());
        Path proof = temp.resolve("record.tlog-proof");

        Result proved = audit(
                "prove",
                "--dir",
                logDir.toString(),
                "--key",
                log.vkey(),
                "--record",
                record.toString(),
                "--out",
                proof.toString());
        assertThat(proved.status).isEqualTo(0);
        assertThat(proved.out).contains("ok   tlog-proof written to " + proof + "\n");
        assertThat(Files.readString(proof))
                .startsWith("c2sp.org/tlog-proof@v1\nindex 6\n")
                .endsWith(Files.readString(logDir.resolve("checkpoint")));

        deleteRecursively(logDir);
        Result checked =
                audit("check", "--proof", proof.toString(), "--key", log.vkey(), "--record", record.toString());
        assertThat(checked.status).isEqualTo(0);
        assertThat(checked.out).contains("ok   record is entry 6 of " + log.checkpoint + ": the tlog-proof verifies\n");

        Path other = temp.resolve("other.json");
        Files.write(other, log.records.get(5).encode());
        Result wrong = audit("check", "--proof", proof.toString(), "--key", log.vkey(), "--record", other.toString());
        assertThat(wrong.status).isEqualTo(1);
        assertThat(wrong.out)
                .contains(
                        "FAIL tlog-proof: the record is not proven: inclusion proof for leaf 6 in tree size 10 gives root ");
    }

    @Test
    void provesAPublicEntryAtAGivenIndexAndRefusesItAtAnother() throws Exception {
        Path entry = temp.resolve("entry.json");
        Files.write(entry, log.records.get(3).entry().encode());

        assertThat(audit(
                                "prove",
                                "--dir",
                                logDir.toString(),
                                "--key",
                                log.vkey(),
                                "--record",
                                entry.toString(),
                                "--index",
                                "3")
                        .status)
                .isEqualTo(0);
        Result wrong = audit(
                "prove", "--dir", logDir.toString(), "--key", log.vkey(), "--record", entry.toString(), "--index", "2");
        assertThat(wrong.status).isEqualTo(1);
        assertThat(wrong.out)
                .contains(
                        "FAIL record is not entry 2 of the log: inclusion proof for leaf 2 in tree size 10 gives root ");
    }

    @Test
    void refusesARecordThatIsNotInTheLog() throws Exception {
        TestLog other = new TestLog(temp.resolve("other"), 5).append(1);
        Path record = temp.resolve("record.json");
        Files.write(record, other.records.get(0).encode());

        Result r = audit("prove", "--dir", logDir.toString(), "--key", log.vkey(), "--record", record.toString());

        assertThat(r.status).isEqualTo(1);
        assertThat(r.out)
                .contains("FAIL record with leaf hash " + MerkleHash.hex(other.tree.hash(0, 0))
                        + " is not among the 10 entries of the log\n");
    }

    @Test
    void refusesARecordWhosePayloadDoesNotMatchItsDigest() throws Exception {
        Path record = temp.resolve("record.json");
        String text = new String(log.records.get(1).encode(), StandardCharsets.UTF_8);
        int start = text.lastIndexOf("\"payload\":\"") + 11;
        String payload = text.substring(start, text.indexOf('"', start));
        String altered =
                text.replace(payload, java.util.Base64.getEncoder().encodeToString("{\"case\":\"other\"}".getBytes()));
        Files.writeString(record, altered);

        Result r = audit("prove", "--dir", logDir.toString(), "--key", log.vkey(), "--record", record.toString());

        assertThat(r.status).isEqualTo(1);
        assertThat(r.out)
                .startsWith("FAIL record file: neither a full ledger record (ledger record: entry payload digest ");
    }

    @Test
    void reportsUsageErrorsWithStatusTwo() {
        assertThat(audit().status).isEqualTo(2);
        assertThat(audit("inspect", "--dir", "x").err).startsWith("pallas-audit: unknown command \"inspect\"\nusage:");
        assertThat(audit("verify", "--dir", logDir.toString()).err).startsWith("pallas-audit: --key is required\n");
        assertThat(audit("verify", "--dir", logDir.toString(), "--url", "http://x", "--key", log.vkey()).err)
                .startsWith("pallas-audit: give exactly one of --url and --dir\n");
        assertThat(audit("verify", "--dir", logDir.toString(), "--key", "nonsense").err)
                .startsWith("pallas-audit: --key: verifier key must be <name>+<hex8>+<base64>, got \"nonsense\"\n");
        assertThat(audit("prove", "--dir", logDir.toString(), "--key", log.vkey()).status)
                .isEqualTo(2);
        Result missing = audit(
                "prove",
                "--dir",
                logDir.toString(),
                "--key",
                log.vkey(),
                "--record",
                temp.resolve("none.json").toString());
        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.err)
                .isEqualTo("pallas-audit: cannot use file: java.nio.file.NoSuchFileException: "
                        + temp.resolve("none.json") + "\n");
        assertThat(audit("check", "--dir", logDir.toString(), "--key", log.vkey()).err)
                .startsWith("pallas-audit: check works offline: no --url or --dir\n");
        assertThat(audit("check", "--proof", "p", "--key", log.vkey(), "--record", "r", "--index", "1").err)
                .startsWith("pallas-audit: --index belongs to prove; a tlog-proof carries its index\n");
        assertThat(audit("verify", "--url", "ftp://x", "--key", log.vkey()).err)
                .startsWith("pallas-audit: --url must be an http or https URL, got \"ftp://x\"\n");
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private String signer() {
        return TestLog.ORIGIN + "+" + String.format(java.util.Locale.ROOT, "%08x", log.signer.keyId());
    }

    private Path stateFile() {
        return new org.pallas.ledger.audit.AuditState(stateDir).fileFor(TestLog.ORIGIN);
    }

    static String hex(org.pallas.ledger.MemoryTree tree, long size) throws Exception {
        return MerkleHash.hex(new org.pallas.ledger.ProofBuilder(tree).rootHash(size));
    }

    record Result(int status, String out, String err) {}

    static Result audit(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Audit.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
