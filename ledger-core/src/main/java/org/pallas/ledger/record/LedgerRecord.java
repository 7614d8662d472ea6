package org.pallas.ledger.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.RecordFormatException;

/**
 * The full ledger record, readable by authorised roles: the public {@link LedgerEntry} plus the confidential
 * payload and the 16-byte salt of its digest. Whoever holds a full record can check that the entry's digest
 * commits to this payload, and that the entry is in the log (the leaf is {@code entry.encode()}).
 *
 * <p>The salt stops anyone holding only the public log from confirming a guess of a short payload
 * ("refused", a known licence number) by hashing candidates.
 */
public record LedgerRecord(LedgerEntry entry, byte[] salt, byte[] payload) {
    public static final int SALT_SIZE = 16;
    public static final int MAX_SIZE = LedgerEntry.MAX_SIZE;

    public LedgerRecord {
        if (salt.length != SALT_SIZE) {
            throw new IllegalArgumentException("salt must be " + SALT_SIZE + " bytes, got " + salt.length);
        }
        salt = salt.clone();
        payload = payload.clone();
        if (!MessageDigest.isEqual(payloadDigest(salt, payload), entry.payloadDigest())) {
            throw new IllegalArgumentException("entry payload digest " + MerkleHash.hex(entry.payloadDigest())
                    + " does not match the payload, whose digest is " + MerkleHash.hex(payloadDigest(salt, payload)));
        }
    }

    /** Builds the record for one state change, drawing a fresh salt. */
    public static LedgerRecord create(LedgerEntryDraft draft, byte[] payload, SecureRandom random) {
        byte[] salt = new byte[SALT_SIZE];
        random.nextBytes(salt);
        LedgerEntry entry = new LedgerEntry(
                draft.type(),
                draft.time(),
                draft.actor(),
                draft.subjectType(),
                draft.subjectId(),
                draft.metadata(),
                payloadDigest(salt, payload));
        LedgerRecord record = new LedgerRecord(entry, salt, payload);
        record.encode();
        return record;
    }

    /** SHA-256("pallas-ledger-payload-v1" || 0x0A || salt || payload). */
    public static byte[] payloadDigest(byte[] salt, byte[] payload) {
        byte[] prefix = "pallas-ledger-payload-v1\n".getBytes(StandardCharsets.US_ASCII);
        return MerkleHash.sha256(ByteBuffer.allocate(prefix.length + salt.length + payload.length)
                .put(prefix)
                .put(salt)
                .put(payload)
                .array());
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Canonical bytes in the entry's version: from version 2 the RFC 8785 form of
     * {@code {"entry":{...},"payload":"<base64>","salt":"<base64>","v":2}}, in version 1
     * {@code {"v":1,"entry":{...},"salt":"<base64>","payload":"<base64>"}}.
     */
    public byte[] encode() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", (long) entry.version());
        json.put("entry", entry.toJson());
        json.put("salt", Base64.getEncoder().encodeToString(salt));
        json.put("payload", Base64.getEncoder().encodeToString(payload));
        byte[] bytes = LedgerEntry.canonical(entry.version(), json).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_SIZE) {
            throw new IllegalArgumentException("ledger record is " + bytes.length + " bytes, more than the " + MAX_SIZE
                    + "-byte limit; store large documents outside the log and put their digest in the payload");
        }
        return bytes;
    }

    public static LedgerRecord decode(byte[] bytes) throws RecordFormatException {
        String text = RecordText.text(bytes, MAX_SIZE, "ledger record");
        Map<String, Object> json = RecordText.parseObject(text, "ledger record");
        RecordText.requireKeys(json, Set.of("v", "entry", "salt", "payload"), "ledger record");
        int version = LedgerEntry.version(json.get("v"), "ledger record");
        LedgerEntry entry = LedgerEntry.fromJson(RecordText.object(json.get("entry"), "entry"));
        if (entry.version() != version) {
            throw new RecordFormatException(
                    "ledger record version " + version + " holds an entry of version " + entry.version());
        }
        byte[] salt = base64(json.get("salt"), "salt");
        byte[] payload = base64(json.get("payload"), "payload");
        LedgerRecord record;
        try {
            record = new LedgerRecord(entry, salt, payload);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException("ledger record: " + e.getMessage());
        }
        if (!new String(record.encode(), StandardCharsets.UTF_8).equals(text)) {
            throw new RecordFormatException("ledger record is not in canonical form");
        }
        return record;
    }

    private static byte[] base64(Object value, String field) throws RecordFormatException {
        String s = RecordText.string(value, field);
        try {
            byte[] decoded = Base64.getDecoder().decode(s);
            if (!Base64.getEncoder().encodeToString(decoded).equals(s)) {
                throw new IllegalArgumentException("not canonical");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(field + " must be canonical padded base64");
        }
    }
}
