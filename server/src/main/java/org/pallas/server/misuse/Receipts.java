package org.pallas.server.misuse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Receipts: the reporter's only key to an anonymous report (GlobaLeaks' model), 160 random bits written as 32
 * base-32 characters in groups of four. Only the SHA-256 of the receipt is stored; a receipt is found by the first
 * bytes of its hash and then compared in full in constant time ({@link MessageDigest#isEqual}), against a dummy hash
 * when nothing matches, so a wrong receipt takes the same path as a right one.
 */
final class Receipts {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_LENGTH = 100;

    private Receipts() {}

    static String newReceipt() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                if (out.length() % 5 == 4) {
                    out.append('-');
                }
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }

    /** The receipt as typed, without spaces, dashes or case differences. */
    static String normal(String receipt) {
        return receipt == null ? "" : receipt.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static byte[] hash(String receipt) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normal(receipt).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The lookup key: the first 8 bytes of the hash, in hex. */
    static String index(byte[] hash) {
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    static boolean matches(byte[] presented, byte[] stored) {
        return MessageDigest.isEqual(presented, stored);
    }
}
