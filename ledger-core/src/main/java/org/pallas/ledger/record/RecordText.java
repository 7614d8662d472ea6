package org.pallas.ledger.record;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pallas.ledger.RecordFormatException;

/** Typed access to parsed JSON with errors that name the field. */
final class RecordText {
    private RecordText() {}

    /** The text of an encoded record or entry: at most {@code maxSize} bytes of valid UTF-8. */
    static String text(byte[] bytes, int maxSize, String what) throws RecordFormatException {
        if (bytes.length > maxSize) {
            throw new RecordFormatException(what + " is " + bytes.length + " bytes, more than " + maxSize);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RecordFormatException(what + " is not valid UTF-8");
        }
    }

    static Map<String, Object> parseObject(String text, String what) throws RecordFormatException {
        try {
            return object(CanonicalJson.parse(text), what);
        } catch (CanonicalJson.JsonException e) {
            throw new RecordFormatException(what + " is not valid JSON: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String field) throws RecordFormatException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new RecordFormatException(field + " must be a JSON object");
        }
        return (Map<String, Object>) map;
    }

    static String string(Object value, String field) throws RecordFormatException {
        if (!(value instanceof String s)) {
            throw new RecordFormatException(field + " must be a string");
        }
        return s;
    }

    static void requireKeys(Map<String, Object> json, Set<String> keys, String what) throws RecordFormatException {
        if (!json.keySet().equals(keys)) {
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(json.keySet());
            Set<String> unknown = new TreeSet<>(json.keySet());
            unknown.removeAll(keys);
            throw new RecordFormatException(what + " has missing fields " + missing + " and unknown fields " + unknown);
        }
    }
}
