package org.pallas.ledger.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Strict JSON reading (jackson-core: duplicate keys, trailing data and nesting deeper than 32 levels are
 * errors) and the two canonical writers of the ledger record formats:
 * <ul>
 * <li>{@link #jcs}: RFC 8785 JSON Canonicalization Scheme, the form of record format version 2 and later: keys
 * sorted by UTF-16 code units, numbers as ECMAScript writes them, JCS string escaping, no whitespace;</li>
 * <li>{@link #write}: the version 1 form: keys in the order the caller gives, integers only, the same string
 * escaping, no whitespace. Kept so that version 1 entries re-encode to their stored bytes.</li>
 * </ul>
 *
 * <p>Values: {@code Map<String,Object>} (insertion-ordered), {@code List<Object>}, {@code String},
 * {@code Long} (or {@code BigInteger} beyond its range), {@code Double} (numbers with a fraction or an
 * exponent), {@code Boolean} and {@code null} (as {@link #NULL}).
 */
public final class CanonicalJson {
    /** JSON null, distinct from a missing key. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 32;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private CanonicalJson() {}

    /** A JSON syntax error, with line and column. */
    public static final class JsonException extends Exception {
        JsonException(String message) {
            super(message);
        }
    }

    public static Object parse(String text) throws JsonException {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() == null) {
                throw new JsonException("line 1, column 1: no JSON value");
            }
            Object value = value(parser);
            if (parser.nextToken() != null) {
                throw error(parser.currentTokenLocation(), "unexpected data after the JSON value");
            }
            return value;
        } catch (JacksonException e) {
            throw error(e.getLocation(), e.getOriginalMessage());
        }
    }

    /** RFC 8785: parses {@code text} and writes it canonically. */
    public static String jcs(String text) throws JsonException {
        return jcs(parse(text));
    }

    /** RFC 8785 canonical form of a value. */
    public static String jcs(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, true);
        return b.toString();
    }

    /** The version 1 form: object keys in the caller's order, integers only. */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, false);
        return b.toString();
    }

    private static Object value(JsonParser parser) throws JsonException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (String key; (key = parser.nextName()) != null; ) {
                    parser.nextToken();
                    map.put(key, value(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                String s = parser.getString();
                if (!wellFormed(s)) {
                    throw error(
                            parser.currentTokenLocation(), "string holds a lone surrogate, which is not Unicode text");
                }
                return s;
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> throw error(parser.currentTokenLocation(), "unexpected " + token);
        }
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static JsonException error(TokenStreamLocation at, String message) {
        String where = at == null || at.getLineNr() < 0
                ? ""
                : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return new JsonException(where + message);
    }

    private static void write(Object value, StringBuilder b, boolean jcs) {
        if (value == null || value == NULL) {
            b.append("null");
        } else if (value instanceof String s) {
            writeString(s, b);
        } else if (value instanceof Boolean bool) {
            b.append(bool);
        } else if (jcs && value instanceof Number n) {
            b.append(ecmaScript(n.doubleValue()));
        } else if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            b.append(value);
        } else if (value instanceof Map<?, ?> map) {
            // RFC 8785 §3.2.3: keys sorted by their UTF-16 code units, which is what String.compareTo compares.
            Map<?, ?> ordered = jcs ? new TreeMap<>(map) : map;
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ordered.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                writeString((String) e.getKey(), b);
                b.append(':');
                write(e.getValue(), b, jcs);
            }
            b.append('}');
        } else if (value instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(list.get(i), b, jcs);
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException(
                    "not a JSON value of this form: " + value.getClass().getSimpleName());
        }
    }

    /** RFC 8785 §3.2.2.2, the escaping of ECMAScript's JSON.stringify. */
    private static void writeString(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /**
     * RFC 8785 §3.2.2.3: a double as ECMAScript's Number.prototype.toString writes it (ECMA-262 §7.1.12.1):
     * the shortest decimal that reads back as the same double, the closest to it when several are as short.
     * Java 17's Double.toString is not always shortest (JDK-4511638), so the digits are found here by trying
     * 1 to 17 significant digits, rounding the exact binary value down and up.
     */
    static String ecmaScript(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("JSON has no " + x + " (RFC 8785 §3.2.2.3)");
        }
        if (x == 0) {
            return "0"; // and -0 too
        }
        String sign = x < 0 ? "-" : "";
        double a = Math.abs(x);
        BigDecimal exact = new BigDecimal(a);
        BigDecimal shortest = null;
        for (int p = 1; shortest == null; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downReads = Double.parseDouble(down.toString()) == a;
            boolean upReads = Double.parseDouble(up.toString()) == a;
            if (downReads && upReads) {
                int closer = exact.subtract(down).compareTo(up.subtract(exact));
                boolean evenDown = !down.unscaledValue().testBit(0);
                shortest = closer < 0 || (closer == 0 && evenDown) ? down : up;
            } else if (downReads) {
                shortest = down;
            } else if (upReads) {
                shortest = up;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // the value is 0.digits × 10^n
        StringBuilder b = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            b.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            b.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            b.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            b.append(digits.charAt(0));
            if (k > 1) {
                b.append('.').append(digits, 1, k);
            }
            b.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return b.toString();
    }
}
