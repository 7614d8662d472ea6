package org.pallas.ledger.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.RecordFormatException;

class LedgerRecordTest {
    private static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] PAYLOAD = "{\"reason\":\"end user on the UN list\"}".getBytes(StandardCharsets.UTF_8);
    private final ActorPseudonyms pseudonyms =
            new ActorPseudonyms("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void encodesThePublicEntryInRfc8785CanonicalForm() throws Exception {
        LedgerEntry entry = entry(Map.of("outcome", "refused", "decidedBy", "senior-officer"));

        String text = new String(entry.encode(), StandardCharsets.UTF_8);

        assertThat(text)
                .isEqualTo("{\"actor\":\"" + pseudonyms.pseudonym("user-42") + "\","
                        + "\"meta\":{\"decidedBy\":\"senior-officer\",\"outcome\":\"refused\"},"
                        + "\"payload\":\"sha256:" + MerkleHash.hex(LedgerRecord.payloadDigest(SALT, PAYLOAD)) + "\","
                        + "\"subject\":{\"id\":\"APP-2026-0042\",\"type\":\"licence.application\"},"
                        + "\"time\":\"2026-11-27T13:05:51.123Z\",\"type\":\"licence.decision.recorded\",\"v\":2}");
        // Any RFC 8785 implementation reproduces the bytes: canonicalising them again changes nothing.
        assertThat(CanonicalJson.jcs(text)).isEqualTo(text);
        assertThat(entry.leafHash()).isEqualTo(MerkleHash.leaf(entry.encode()));
    }

    @Test
    void keepsVersion1EntriesInTheirFixedKeyOrderWithTheirLeafHash() throws Exception {
        String v1 = "{\"v\":1,\"type\":\"licence.decision.recorded\",\"time\":\"2026-11-27T13:05:51.123Z\","
                + "\"actor\":\"" + pseudonyms.pseudonym("user-42") + "\","
                + "\"subject\":{\"type\":\"licence.application\",\"id\":\"APP-2026-0042\"},"
                + "\"meta\":{\"decidedBy\":\"senior-officer\",\"outcome\":\"refused\"},"
                + "\"payload\":\"sha256:" + MerkleHash.hex(LedgerRecord.payloadDigest(SALT, PAYLOAD)) + "\"}";
        byte[] stored = v1.getBytes(StandardCharsets.UTF_8);

        LedgerEntry entry = LedgerEntry.decode(stored);

        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.encode()).isEqualTo(stored);
        assertThat(entry.leafHash()).isEqualTo(MerkleHash.leaf(stored));
        assertThat(entry).isNotEqualTo(entry(Map.of("outcome", "refused", "decidedBy", "senior-officer")));
        String v1AsJcs = CanonicalJson.jcs(v1);
        assertThatThrownBy(() -> LedgerEntry.decode(v1AsJcs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageStartingWith("ledger entry is not in canonical form; canonical form is {\"v\":1,");
    }

    @Test
    void readsVersion1RecordsAndWritesNewRecordsInVersion2() throws Exception {
        LedgerEntry v1Entry = new LedgerEntry(
                1,
                "licence.decision.recorded",
                Instant.parse("2026-11-27T13:05:51.123Z"),
                "system:importer",
                "licence.application",
                "APP-1",
                Map.of(),
                LedgerRecord.payloadDigest(SALT, PAYLOAD));
        byte[] v1Record = new LedgerRecord(v1Entry, SALT, PAYLOAD).encode();
        assertThat(new String(v1Record, StandardCharsets.UTF_8)).startsWith("{\"v\":1,\"entry\":{\"v\":1,\"type\":");
        assertThat(LedgerRecord.decode(v1Record).entry()).isEqualTo(v1Entry);

        LedgerRecord created = LedgerRecord.create(
                new LedgerEntryDraft(
                        "licence.decision.recorded",
                        Instant.EPOCH,
                        "system:importer",
                        "licence.application",
                        "APP-1",
                        Map.of()),
                PAYLOAD,
                new SecureRandom());
        String v2Record = new String(created.encode(), StandardCharsets.UTF_8);
        assertThat(created.entry().version()).isEqualTo(LedgerEntry.VERSION).isEqualTo(2);
        assertThat(v2Record)
                .startsWith("{\"entry\":{\"actor\":\"system:importer\",")
                .endsWith(",\"v\":2}");
        assertThat(CanonicalJson.jcs(v2Record)).isEqualTo(v2Record);
        assertThat(LedgerRecord.decode(created.encode()).entry()).isEqualTo(created.entry());

        String mixed = new String(v1Record, StandardCharsets.UTF_8).replace("{\"v\":1,\"entry\"", "{\"v\":2,\"entry\"");
        assertThatThrownBy(() -> LedgerRecord.decode(mixed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordFormatException.class)
                .hasMessage("ledger record version 2 holds an entry of version 1");
    }

    @Test
    void decodesItsOwnEncodingAndNothingElse() throws Exception {
        LedgerEntry entry = entry(Map.of("outcome", "refused"));
        assertThat(LedgerEntry.decode(entry.encode())).isEqualTo(entry);

        String pretty = new String(entry.encode(), StandardCharsets.UTF_8).replace(",\"type\"", ", \"type\"");
        assertThatThrownBy(() -> LedgerEntry.decode(pretty.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageStartingWith("ledger entry is not in canonical form; canonical form is {\"actor\":");
        String reordered = new String(entry.encode(), StandardCharsets.UTF_8)
                .replace(",\"v\":2}", "}")
                .replace("{\"actor\"", "{\"v\":2,\"actor\"");
        assertThatThrownBy(() -> LedgerEntry.decode(reordered.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageStartingWith("ledger entry is not in canonical form");
    }

    @Test
    void rejectsUnknownVersionsAndFields() {
        String v3 = new String(entry(Map.of()).encode(), StandardCharsets.UTF_8).replace("\"v\":2}", "\"v\":3}");
        assertThatThrownBy(() -> LedgerEntry.decode(v3.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordFormatException.class)
                .hasMessage("ledger entry version 3 is not supported; this reader knows v1 and v2");
        String extra = new String(entry(Map.of()).encode(), StandardCharsets.UTF_8)
                .replace("\"v\":2}", "\"v\":2,\"x\":\"y\"}");
        assertThatThrownBy(() -> LedgerEntry.decode(extra.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordFormatException.class)
                .hasMessage("ledger entry has missing fields [] and unknown fields [x]");
    }

    @Test
    void keepsRawActorIdsOutOfPublicEntries() {
        assertThatThrownBy(() -> new LedgerEntry(
                        "licence.decision.recorded",
                        Instant.EPOCH,
                        "alice@authority.example",
                        "licence.application",
                        "APP-1",
                        Map.of(),
                        new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "actor must be a pseudonym (ps1:<32 hex>) or system:<name>, got \"alice@authority.example\"");
    }

    @Test
    void acceptsHyphenatedTypeWordsButNotOtherPunctuation() throws Exception {
        LedgerEntry hyphenated = new LedgerEntry(
                "identity.user.roles-changed", Instant.EPOCH, "system:pallas", "user", "u-1", Map.of(), new byte[32]);
        assertThat(LedgerEntry.decode(hyphenated.encode()).type()).isEqualTo("identity.user.roles-changed");
        assertThatThrownBy(() -> new LedgerEntry(
                        "identity.user.roles changed",
                        Instant.EPOCH,
                        "system:pallas",
                        "user",
                        "u-1",
                        Map.of(),
                        new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("type must be dotted lower-case words");
        assertThatThrownBy(() -> new LedgerEntry(
                        "-identity.user", Instant.EPOCH, "system:pallas", "user", "u-1", Map.of(), new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesStableKeyedPseudonyms() {
        String a = pseudonyms.pseudonym("user-42");
        assertThat(a).matches("ps1:[0-9a-f]{32}").isEqualTo(pseudonyms.pseudonym("user-42"));
        assertThat(pseudonyms.pseudonym("user-43")).isNotEqualTo(a);
        assertThat(new ActorPseudonyms(new byte[32]).pseudonym("user-42")).isNotEqualTo(a);
        assertThatThrownBy(() -> new ActorPseudonyms(new byte[16]))
                .hasMessage("pseudonym key must be at least 32 bytes, got 16");
    }

    @Test
    void roundTripsTheFullRecordAndChecksThePayloadAgainstTheDigest() throws Exception {
        LedgerRecord record = new LedgerRecord(entry(Map.of()), SALT, PAYLOAD);
        assertThat(LedgerRecord.decode(record.encode()).entry()).isEqualTo(record.entry());
        assertThat(LedgerRecord.decode(record.encode()).payload()).isEqualTo(PAYLOAD);

        assertThatThrownBy(() -> new LedgerRecord(entry(Map.of()), SALT, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "entry payload digest " + MerkleHash.hex(LedgerRecord.payloadDigest(SALT, PAYLOAD))
                                + " does not match the payload, whose digest is ");
    }

    @Test
    void saltsThePayloadDigestSoShortPayloadsCannotBeGuessed() {
        LedgerEntryDraft draft = new LedgerEntryDraft(
                "licence.decision.recorded",
                Instant.EPOCH,
                "system:importer",
                "licence.application",
                "APP-1",
                Map.of());
        LedgerRecord one = LedgerRecord.create(draft, "refused".getBytes(StandardCharsets.UTF_8), new SecureRandom());
        LedgerRecord two = LedgerRecord.create(draft, "refused".getBytes(StandardCharsets.UTF_8), new SecureRandom());
        assertThat(one.entry().payloadDigest()).isNotEqualTo(two.entry().payloadDigest());
    }

    @Test
    void enforcesTheSixtyFourKibibyteLimit() {
        LedgerEntryDraft draft = new LedgerEntryDraft(
                "licence.decision.recorded",
                Instant.EPOCH,
                "system:importer",
                "licence.application",
                "APP-1",
                Map.of());
        assertThatThrownBy(() -> LedgerRecord.create(draft, new byte[60_000], new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ledger record is 80")
                .hasMessageEndingWith(
                        "bytes, more than the 65535-byte limit; store large documents outside the log and put their digest in the payload");
        assertThatThrownBy(() -> LedgerEntry.decode(new byte[65_536]))
                .isInstanceOf(RecordFormatException.class)
                .hasMessage("ledger entry is 65536 bytes, more than 65535");
    }

    @Test
    void truncatesTimeToMillisecondsSoEncodingIsDeterministic() throws Exception {
        LedgerEntry entry = new LedgerEntry(
                "x.y",
                Instant.parse("2026-01-01T00:00:00.123456789Z"),
                "system:importer",
                "a.b",
                "1",
                Map.of(),
                new byte[32]);
        assertThat(new String(entry.encode(), StandardCharsets.UTF_8))
                .contains("\"time\":\"2026-01-01T00:00:00.123Z\"");
        assertThat(LedgerEntry.decode(entry.encode())).isEqualTo(entry);
    }

    @Test
    void parsesJsonStrictlyAndNamesTheLineOfAnError() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\n\"a\":2}"))
                .hasMessageStartingWith("line 2, column ")
                .hasMessageContaining("Duplicate Object property \"a\"");
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":01}"))
                .hasMessageStartingWith("line 1, column ")
                .hasMessageContaining("Leading zeroes not allowed");
        assertThatThrownBy(() -> CanonicalJson.parse("{} x")).hasMessageStartingWith("line 1, column 4: ");
        assertThatThrownBy(() -> CanonicalJson.parse("{}\n{}"))
                .hasMessage("line 2, column 1: unexpected data after the JSON value");
    }

    @Test
    void refusesFractionsInVersion1Entries() {
        String fraction = new String(
                        new LedgerEntry(1, "x.y", Instant.EPOCH, "system:importer", "a.b", "1", Map.of(), new byte[32])
                                .encode(),
                        StandardCharsets.UTF_8)
                .replace("{\"v\":1,", "{\"v\":1.0,");
        assertThatThrownBy(() -> LedgerEntry.decode(fraction.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordFormatException.class)
                .hasMessage("ledger entry version 1.0 is not supported; this reader knows v1 and v2");
    }

    @Test
    void escapesStringsInOneCanonicalWay() throws Exception {
        String written = CanonicalJson.write(Map.of("k", "quote\" back\\ tab\t nul\u0000 é €"));
        assertThat(written).isEqualTo("{\"k\":\"quote\\\" back\\\\ tab\\t nul\\u0000 é €\"}");
        assertThat(CanonicalJson.parse(written)).isEqualTo(Map.of("k", "quote\" back\\ tab\t nul\u0000 é €"));
    }

    private LedgerEntry entry(Map<String, String> metadata) {
        return new LedgerEntry(
                "licence.decision.recorded",
                Instant.parse("2026-11-27T13:05:51.123Z"),
                pseudonyms.pseudonym("user-42"),
                "licence.application",
                "APP-2026-0042",
                metadata,
                LedgerRecord.payloadDigest(SALT, PAYLOAD));
    }
}
