package org.pallas.ledger;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a C2SP tlog-tiles resource: a hash tile {@code tile/<L>/<N>[.p/<W>]} or, with
 * {@code level == ENTRIES}, an entry bundle {@code tile/entries/<N>[.p/<W>]}. A width of 256 is a full tile.
 *
 * <p>A hash tile at level L, index N holds, for i &lt; width, the hash of the perfect subtree of
 * 256^L leaves starting at leaf (N·256 + i)·256^L, i.e. tree level 8L.
 */
public record TileId(int level, long index, int width) {
    public static final int ENTRIES = -1;
    public static final int FULL_WIDTH = 256;
    public static final int MAX_LEVEL = 63;

    private static final Pattern PATH =
            Pattern.compile("tile/(entries|0|[1-9][0-9]?)/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    public TileId {
        if (level < ENTRIES || level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level must be 0.." + MAX_LEVEL + " or ENTRIES, got " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index must not be negative, got " + index);
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width must be 1..256, got " + width);
        }
    }

    public static TileId tile(int level, long index, int width) {
        return new TileId(level, index, width);
    }

    public static TileId entries(long index, int width) {
        return new TileId(ENTRIES, index, width);
    }

    public boolean isEntryBundle() {
        return level == ENTRIES;
    }

    public boolean isFull() {
        return width == FULL_WIDTH;
    }

    /** The path relative to the log prefix, e.g. {@code tile/15/x123/x456/789.p/41}. */
    public String path() {
        StringBuilder n = new StringBuilder(String.format(Locale.ROOT, "%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            n.insert(0, String.format(Locale.ROOT, "x%03d/", rest % 1000));
        }
        return "tile/" + (isEntryBundle() ? "entries" : Integer.toString(level)) + "/" + n
                + (isFull() ? "" : ".p/" + width);
    }

    @Override
    public String toString() {
        return path();
    }

    /** Strict inverse of {@link #path()}: no leading zeros, no unprefixed groups, widths 1..255. */
    public static TileId parse(String path) throws TileFormatException {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new TileFormatException("not a tlog-tiles path: \"" + path + "\"");
        }
        int level = m.group(1).equals("entries") ? ENTRIES : Integer.parseInt(m.group(1));
        String[] groups = m.group(2).split("/");
        if (groups.length > 1 && groups[0].equals("x000")) {
            throw new TileFormatException("tile index has a leading zero group: \"" + path + "\"");
        }
        long index = 0;
        try {
            for (String g : groups) {
                index = Math.addExact(
                        Math.multiplyExact(index, 1000L), Integer.parseInt(g.startsWith("x") ? g.substring(1) : g));
            }
        } catch (ArithmeticException e) {
            throw new TileFormatException("tile index out of range: \"" + path + "\"");
        }
        int width = FULL_WIDTH;
        if (m.group(3) != null) {
            width = Integer.parseInt(m.group(3));
            if (width >= FULL_WIDTH) {
                throw new TileFormatException("partial tile width must be 1..255: \"" + path + "\"");
            }
        }
        if (level > MAX_LEVEL) {
            throw new TileFormatException("tile level must be 0.." + MAX_LEVEL + ": \"" + path + "\"");
        }
        return new TileId(level, index, width);
    }

    /**
     * The tile at {@code level} and {@code index} as it stands in a tree of {@code treeSize} leaves:
     * full, or the partial tile of width ⌊s/256^L⌋ mod 256 on the right edge.
     *
     * @throws IllegalArgumentException if the tree has no hash in that tile
     */
    public static TileId inTree(int level, long index, long treeSize) {
        int shift = 8 * (level == ENTRIES ? 0 : level);
        long count = shift >= 64 ? 0 : treeSize >>> shift;
        long start = index * FULL_WIDTH;
        if (count <= start) {
            throw new IllegalArgumentException(
                    "tree size " + treeSize + " has no tile at level " + level + ", index " + index);
        }
        return new TileId(level, index, (int) Math.min(FULL_WIDTH, count - start));
    }
}
