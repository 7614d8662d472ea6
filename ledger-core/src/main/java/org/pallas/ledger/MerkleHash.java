package org.pallas.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RFC 6962 / RFC 9162 §2.1.1 hashing with SHA-256: leaf = H(0x00 || data), node = H(0x01 || left || right),
 * empty tree = H(""). The 0x00/0x01 prefixes keep a leaf from ever colliding with an interior node.
 */
public final class MerkleHash {
    /** Every hash in the log is a 32-byte SHA-256 value. */
    public static final int SIZE = 32;

    private static final byte[] EMPTY_ROOT = sha256(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    // MessageDigest.getInstance costs a provider lookup; proofs hash in tight loops.
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHash::newDigest);

    private MerkleHash() {}

    /** The root hash of the empty tree, SHA-256 of the empty string (not a leaf hash). */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 0x00);
        d.update(data);
        return d.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 0x01);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /** Node hash of two 32-byte hashes that sit side by side in {@code buffer}, without copying them. */
    static byte[] node(byte[] buffer, int leftOffset) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 0x01);
        d.update(buffer, leftOffset, 2 * SIZE);
        return d.digest();
    }

    public static byte[] sha256(byte[] data) {
        return newDigest().digest(data);
    }

    public static String hex(byte[] hash) {
        return hash == null ? "null" : HEX.formatHex(hash);
    }

    /** Parses lower- or upper-case hex, as the JSON API and the ledger pages show hashes. */
    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    public static boolean isHash(byte[] value) {
        return value != null && value.length == SIZE;
    }

    /** Constant-time equality of two hashes. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static byte[] requireHash(byte[] value, String what) {
        if (!isHash(value)) {
            throw new IllegalArgumentException(what + " must be a " + SIZE + "-byte hash, got "
                    + (value == null ? "null" : value.length + " bytes"));
        }
        return value;
    }

    static String describeLength(byte[] value) {
        return value == null ? "null" : value.length + " bytes (" + hex(value) + ")";
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
