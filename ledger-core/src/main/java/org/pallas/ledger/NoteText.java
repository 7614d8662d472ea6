package org.pallas.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Lexical rules shared by signed notes, key strings and checkpoints (C2SP signed-note). */
final class NoteText {
    private NoteText() {}

    /** Key names: non-empty, no Unicode whitespace (as Go's unicode.IsSpace), no '+'. */
    static boolean isValidKeyName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '+'
                    || c < 0x20
                    || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || c == 0x85
                    || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    static String requireKeyName(String name) throws NoteFormatException {
        if (!isValidKeyName(name)) {
            throw new NoteFormatException(
                    "invalid key name \"" + name + "\": it must be non-empty, without spaces or '+'");
        }
        return name;
    }

    /** Strict UTF-8 decoding: malformed bytes are an error, never replaced. */
    static String decodeUtf8(byte[] bytes) throws NoteFormatException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NoteFormatException("note is not valid UTF-8");
        }
    }

    /** Standard padded base64 in its one canonical form; java.util.Base64 alone accepts missing padding. */
    static byte[] decodeBase64(String text) throws IllegalArgumentException {
        try {
            byte[] decoded = Base64.getDecoder().decode(text);
            if (Base64.getEncoder().encodeToString(decoded).equals(text)) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the offending text
        }
        throw new IllegalArgumentException("not canonical padded base64: \"" + text + "\"");
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
