package org.pallas.ledger.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 8785 (JCS) conformance of {@link CanonicalJson#jcs}. The vectors are the RFC's own: the sample of §3.2.2
 * (input and canonical output), the sorting sample of §3.2.3, the UTF-8 bytes of §3.2.4 and the number
 * serialisation table of Appendix B (IEEE 754 bit patterns and their ECMAScript text).
 */
class JsonCanonicalizationTest {

    @Test
    void canonicalisesTheSampleOfSection322() throws Exception {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;

        String canonical = CanonicalJson.jcs(input);

        assertThat(canonical)
                .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,"
                        + "1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        // §3.2.4: the same output as UTF-8 bytes.
        assertThat(HexFormat.of().formatHex(canonical.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo((""
                                + "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72"
                                + "75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a"
                                + "5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31"
                                + "65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37"
                                + "5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30"
                                + "30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d")
                        .replace(" ", ""));
    }

    @Test
    void sortsPropertiesByUtf16CodeUnitsAsInSection323() throws Exception {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;

        @SuppressWarnings("unchecked")
        Map<String, Object> sorted = (Map<String, Object>) CanonicalJson.parse(CanonicalJson.jcs(input));

        assertThat(List.copyOf(sorted.values()))
                .containsExactly(
                        "Carriage Return",
                        "One",
                        "Control",
                        "Latin Small Letter O With Diaeresis",
                        "Euro Sign",
                        "Emoji: Grinning Face",
                        "Hebrew Letter Dalet With Dagesh");
    }

    @Test
    void writesNumbersAsAppendixBOfTheRfc() {
        Map<String, String> appendixB = new java.util.LinkedHashMap<>();
        appendixB.put("0000000000000000", "0");
        appendixB.put("8000000000000000", "0");
        appendixB.put("0000000000000001", "5e-324");
        appendixB.put("8000000000000001", "-5e-324");
        appendixB.put("7fefffffffffffff", "1.7976931348623157e+308");
        appendixB.put("ffefffffffffffff", "-1.7976931348623157e+308");
        appendixB.put("4340000000000000", "9007199254740992");
        appendixB.put("c340000000000000", "-9007199254740992");
        appendixB.put("4430000000000000", "295147905179352830000");
        appendixB.put("44b52d02c7e14af5", "9.999999999999997e+22");
        appendixB.put("44b52d02c7e14af6", "1e+23");
        appendixB.put("44b52d02c7e14af7", "1.0000000000000001e+23");
        appendixB.put("444b1ae4d6e2ef4e", "999999999999999700000");
        appendixB.put("444b1ae4d6e2ef4f", "999999999999999900000");
        appendixB.put("444b1ae4d6e2ef50", "1e+21");
        appendixB.put("3eb0c6f7a0b5ed8c", "9.999999999999997e-7");
        appendixB.put("3eb0c6f7a0b5ed8d", "0.000001");
        appendixB.put("41b3de4355555553", "333333333.3333332");
        appendixB.put("41b3de4355555554", "333333333.33333325");
        appendixB.put("41b3de4355555555", "333333333.3333333");
        appendixB.put("41b3de4355555556", "333333333.3333334");
        appendixB.put("41b3de4355555557", "333333333.33333343");
        appendixB.put("becbf647612f3696", "-0.0000033333333333333333");
        appendixB.put("43143ff3c1cb0959", "1424953923781206.2");

        appendixB.forEach((bits, text) -> assertThat(
                        CanonicalJson.ecmaScript(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16))))
                .as(bits)
                .isEqualTo(text));
    }

    @Test
    void refusesNanAndInfinityWhichJsonCannotHold() {
        for (String bits : List.of("7fffffffffffffff", "7ff0000000000000", "fff0000000000000")) {
            assertThatThrownBy(
                            () -> CanonicalJson.jcs(List.of(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16)))))
                    .as(bits)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("(RFC 8785 §3.2.2.3)");
        }
    }

    @Test
    void readsLargeIntegersAsTheDoublesTheyDenote() throws Exception {
        assertThat(CanonicalJson.jcs("[9007199254740993, 100000000000000000000000, -0, 1.0, 10]"))
                .isEqualTo("[9007199254740992,1e+23,0,1,10]");
    }

    @Test
    void refusesInputThatIsNotIJson() {
        assertThatThrownBy(() -> CanonicalJson.jcs("{\"a\":1,\n\"a\":2}"))
                .isInstanceOf(CanonicalJson.JsonException.class)
                .hasMessageStartingWith("line 2, column ")
                .hasMessageContaining("Duplicate Object property \"a\"");
        assertThatThrownBy(() -> CanonicalJson.jcs("[\"\\ud800\"]"))
                .isInstanceOf(CanonicalJson.JsonException.class)
                .hasMessageEndingWith("a lone surrogate, which is not Unicode text");
        assertThatThrownBy(() -> CanonicalJson.jcs("{} x"))
                .isInstanceOf(CanonicalJson.JsonException.class)
                .hasMessageStartingWith("line 1, column 4: ");
        assertThatThrownBy(() -> CanonicalJson.jcs("[] []"))
                .hasMessage("line 1, column 4: unexpected data after the JSON value");
        assertThatThrownBy(() -> CanonicalJson.jcs("[01]")).hasMessageStartingWith("line 1, column ");
        assertThatThrownBy(() -> CanonicalJson.jcs("[".repeat(40) + "]".repeat(40)))
                .hasMessageContaining("nesting depth");
    }
}
