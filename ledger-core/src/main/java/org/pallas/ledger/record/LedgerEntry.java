package org.pallas.ledger.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.pallas.ledger.EntryBundle;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.RecordFormatException;

/**
 * The public part of a ledger record, and the leaf of the log: one state change. It carries only
 * non-confidential facts (what kind of change, who as a pseudonym, which subject, when, non-confidential
 * metadata) and a salted SHA-256 commitment to the confidential payload, never the payload itself.
 *
 * <p>Canonical encoding (see docs/ledger-record-format.md): version 2, written today, is the RFC 8785 (JCS)
 * form of {@code {v, type, time, actor, subject{type,id}, meta, payload}}; version 1, still read, has the
 * keys in exactly that order. Time in UTC with milliseconds. At most 65,535 bytes, the limit of a tlog-tiles
 * entry bundle.
 */
public record LedgerEntry(
        int version,
        String type,
        Instant time,
        String actor,
        String subjectType,
        String subjectId,
        Map<String, String> metadata,
        byte[] payloadDigest) {

    /** The version writers write. */
    public static final int VERSION = 2;
    /** The first version: keys in a fixed order of this project's own; still read, no longer written. */
    public static final int VERSION_1 = 1;

    public static final int MAX_SIZE = EntryBundle.MAX_ENTRY_SIZE;

    /** Dotted words; a word may contain hyphens, as in identity.user.roles-changed. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*){0,7}");
    /** A pseudonym from {@link ActorPseudonyms}, or a named system actor (scheduler, importer). */
    private static final Pattern ACTOR = Pattern.compile("ps1:[0-9a-f]{32}|system:[a-z][a-z0-9_.-]{0,62}");

    private static final Pattern META_KEY = Pattern.compile("[a-z][a-zA-Z0-9_.-]{0,63}");
    private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-f]{64})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Set<String> KEYS = Set.of("v", "type", "time", "actor", "subject", "meta", "payload");

    /** An entry of the current {@link #VERSION}. */
    public LedgerEntry(
            String type,
            Instant time,
            String actor,
            String subjectType,
            String subjectId,
            Map<String, String> metadata,
            byte[] payloadDigest) {
        this(VERSION, type, time, actor, subjectType, subjectId, metadata, payloadDigest);
    }

    public LedgerEntry {
        require(version == VERSION || version == VERSION_1, "ledger entry version " + version + " is not supported");
        require(
                type != null && type.length() <= 100 && TYPE.matcher(type).matches(),
                "type must be dotted lower-case words such as licence.decision, got \"" + type + "\"");
        require(time != null, "time is required");
        time = time.truncatedTo(ChronoUnit.MILLIS);
        require(
                time.getEpochSecond() >= 0 && time.getEpochSecond() < 253402300800L,
                "time must lie in years 1970 to 9999, got " + time);
        require(
                actor != null && ACTOR.matcher(actor).matches(),
                "actor must be a pseudonym (ps1:<32 hex>) or system:<name>, got \"" + actor + "\"");
        require(
                subjectType != null
                        && subjectType.length() <= 100
                        && TYPE.matcher(subjectType).matches(),
                "subject type must be dotted lower-case words, got \"" + subjectType + "\"");
        require(
                subjectId != null && !subjectId.isEmpty() && subjectId.length() <= 200 && !hasControl(subjectId),
                "subject id must be 1 to 200 characters without control characters");
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            require(META_KEY.matcher(e.getKey()).matches(), "metadata key \"" + e.getKey() + "\" is not allowed");
            require(
                    e.getValue() != null && e.getValue().length() <= 1000 && !hasControl(e.getValue()),
                    "metadata value of \"" + e.getKey()
                            + "\" must be at most 1000 characters without control characters");
            sorted.put(e.getKey(), e.getValue());
        }
        metadata = Collections.unmodifiableMap(sorted);
        require(payloadDigest != null && payloadDigest.length == MerkleHash.SIZE, "payload digest must be 32 bytes");
        payloadDigest = payloadDigest.clone();
    }

    @Override
    public byte[] payloadDigest() {
        return payloadDigest.clone();
    }

    /** The canonical bytes: the log leaf. */
    public byte[] encode() {
        byte[] bytes = canonical().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_SIZE) {
            throw new IllegalArgumentException("ledger entry is " + bytes.length + " bytes, more than the " + MAX_SIZE
                    + "-byte limit; move large metadata into the payload");
        }
        return bytes;
    }

    /** RFC 6962 leaf hash of the canonical bytes: what the log's inclusion proofs are about. */
    public byte[] leafHash() {
        return MerkleHash.leaf(encode());
    }

    Map<String, Object> toJson() {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", subjectType);
        subject.put("id", subjectId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", (long) version);
        json.put("type", type);
        json.put("time", TIME.format(time));
        json.put("actor", actor);
        json.put("subject", subject);
        json.put("meta", new LinkedHashMap<String, Object>(metadata));
        json.put("payload", "sha256:" + HexFormat.of().formatHex(payloadDigest));
        return json;
    }

    /** The canonical text of this entry's version: RFC 8785 from version 2 on, the fixed key order in version 1. */
    String canonical() {
        return canonical(version, toJson());
    }

    static String canonical(int version, Map<String, Object> json) {
        return version == VERSION_1 ? CanonicalJson.write(json) : CanonicalJson.jcs(json);
    }

    /** Parses an entry of any known version and insists that it is in that version's canonical form, byte for byte. */
    public static LedgerEntry decode(byte[] bytes) throws RecordFormatException {
        String text = RecordText.text(bytes, MAX_SIZE, "ledger entry");
        Map<String, Object> json = RecordText.parseObject(text, "ledger entry");
        LedgerEntry entry = fromJson(json);
        if (!entry.canonical().equals(text)) {
            throw new RecordFormatException(
                    "ledger entry is not in canonical form; canonical form is " + entry.canonical());
        }
        return entry;
    }

    /** The version of a parsed entry or record: 1 or 2, or an error naming what this reader knows. */
    static int version(Object v, String what) throws RecordFormatException {
        if (!(v instanceof Long version) || (version != VERSION && version != VERSION_1)) {
            throw new RecordFormatException(
                    what + " version " + v + " is not supported; this reader knows v" + VERSION_1 + " and v" + VERSION);
        }
        return ((Long) v).intValue();
    }

    static LedgerEntry fromJson(Map<String, Object> json) throws RecordFormatException {
        RecordText.requireKeys(json, KEYS, "ledger entry");
        int version = version(json.get("v"), "ledger entry");
        Map<String, Object> subject = RecordText.object(json.get("subject"), "subject");
        RecordText.requireKeys(subject, Set.of("type", "id"), "subject");
        Map<String, Object> meta = RecordText.object(json.get("meta"), "meta");
        Map<String, String> metadata = new TreeMap<>();
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            metadata.put(e.getKey(), RecordText.string(e.getValue(), "meta." + e.getKey()));
        }
        String payload = RecordText.string(json.get("payload"), "payload");
        var digest = DIGEST.matcher(payload);
        if (!digest.matches()) {
            throw new RecordFormatException("payload must be sha256:<64 lower-case hex>, got \"" + payload + "\"");
        }
        Instant time;
        String timeText = RecordText.string(json.get("time"), "time");
        try {
            time = Instant.from(TIME.parse(timeText));
        } catch (DateTimeParseException e) {
            throw new RecordFormatException(
                    "time must be UTC with milliseconds, e.g. 2026-11-27T13:05:51.123Z, got \"" + timeText + "\"");
        }
        try {
            return new LedgerEntry(
                    version,
                    RecordText.string(json.get("type"), "type"),
                    time,
                    RecordText.string(json.get("actor"), "actor"),
                    RecordText.string(subject.get("type"), "subject.type"),
                    RecordText.string(subject.get("id"), "subject.id"),
                    metadata,
                    HexFormat.of().parseHex(digest.group(1)));
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException("ledger entry: " + e.getMessage());
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerEntry e && toJson().equals(e.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
