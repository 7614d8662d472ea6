package org.pallas.screening;

import com.ibm.icu.text.UnicodeSet;

/**
 * Unicode's default-ignorable code points (zero-width space U+200B, joiners U+200C/D, word joiner
 * U+2060, byte-order mark U+FEFF, soft hyphen U+00AD, ...): they render as nothing, so one inserted
 * into a listed name hides it from an exact reading and from a caseworker's eye. Screening removes
 * them ({@link #remove}); pages show them ({@link #reveal}).
 */
public final class InvisibleCharacters {
    private static final UnicodeSet IGNORABLE = new UnicodeSet("[:Default_Ignorable_Code_Point:]").freeze();

    private InvisibleCharacters() {}

    /** True when {@code text} holds a default-ignorable code point. */
    public static boolean present(String text) {
        return text != null && !isAscii(text) && !IGNORABLE.containsNone(text);
    }

    /** {@code text} without default-ignorable code points; text without them is returned as it is. */
    public static String remove(String text) {
        if (!present(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !IGNORABLE.contains(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** {@code text} with each default-ignorable code point written as a visible marker, e.g. "[U+200B]". */
    public static String reveal(String text) {
        if (!present(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (IGNORABLE.contains(cp)) {
                sb.append("[U+")
                        .append(String.format(java.util.Locale.ROOT, "%04X", cp))
                        .append(']');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
