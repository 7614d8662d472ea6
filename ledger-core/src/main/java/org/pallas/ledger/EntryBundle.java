package org.pallas.ledger;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** tlog-tiles entry bundles: a sequence of big-endian uint16 length-prefixed entries. */
public final class EntryBundle {
    /** Largest entry a bundle can hold: the uint16 length prefix. */
    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    private EntryBundle() {}

    public static byte[] encode(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            appendTo(out, e);
        }
        return out.toByteArray();
    }

    static void appendTo(ByteArrayOutputStream out, byte[] entry) {
        if (entry.length > MAX_ENTRY_SIZE) {
            throw new IllegalArgumentException("entry of " + entry.length + " bytes exceeds the " + MAX_ENTRY_SIZE
                    + "-byte limit of entry bundles");
        }
        out.write(entry.length >>> 8);
        out.write(entry.length & 0xFF);
        out.write(entry, 0, entry.length);
    }

    /** Decodes a bundle that must hold exactly {@code expectedCount} entries, the tile width. */
    public static List<byte[]> decode(byte[] bundle, int expectedCount, String where) throws TileFormatException {
        List<byte[]> entries = new ArrayList<>(expectedCount);
        int pos = 0;
        while (pos < bundle.length) {
            if (pos + 2 > bundle.length) {
                throw new TileFormatException(where + ": truncated length prefix at byte " + pos);
            }
            int length = ((bundle[pos] & 0xFF) << 8) | (bundle[pos + 1] & 0xFF);
            pos += 2;
            if (pos + length > bundle.length) {
                throw new TileFormatException(where + ": entry " + entries.size() + " declares " + length
                        + " bytes but only " + (bundle.length - pos) + " remain");
            }
            byte[] e = new byte[length];
            System.arraycopy(bundle, pos, e, 0, length);
            entries.add(e);
            pos += length;
        }
        if (entries.size() != expectedCount) {
            throw new TileFormatException(where + ": expected " + expectedCount + " entries, found " + entries.size());
        }
        return entries;
    }
}
