package org.pallas.screening;

/**
 * Similarity of two name parts in [0, 1]. Numbers agree only exactly; legal forms by canonical form
 * (1.0) or generic class (0.8); organisation terms by synonym class; an initial matches a word with that
 * first letter (0.8). Words use a Damerau-Levenshtein distance in which confusable letters (rigour's
 * compare.yml: 0/o, 1/l, c/k, e/i, i/y, ...) cost 0.7, with a cliff: below {@link #FLOOR} a pair counts as
 * different. (Double Metaphone keys serve candidate retrieval only: as a score they
 * made "Lucio" equal "Luis".) A part transliterated from
 * Arabic or Hebrew, where vowels are not written, is compared by consonant skeleton.
 */
final class TokenSimilarity {
    static final double FLOOR = 0.6;
    private static final boolean[][] CONFUSABLE = new boolean[128][128];

    static {
        String[] pairs = {"0o", "1i", "1l", "g9", "q9", "b6", "5s", "ei", "ou", "ij", "iy", "ck", "nh"};
        for (String p : pairs) {
            CONFUSABLE[p.charAt(0)][p.charAt(1)] = true;
            CONFUSABLE[p.charAt(1)][p.charAt(0)] = true;
        }
    }

    private static final org.apache.commons.codec.language.DoubleMetaphone METAPHONE =
            new org.apache.commons.codec.language.DoubleMetaphone();

    static {
        METAPHONE.setMaxCodeLen(8);
    }

    private TokenSimilarity() {}

    /** The Double Metaphone key of an ASCII word ("" if none). */
    static String phonetic(String w) {
        String k = METAPHONE.doubleMetaphone(w);
        return k == null ? "" : k;
    }

    static double similarity(Token a, Token b) {
        if (a.text().equals(b.text())) {
            return 1.0;
        }
        Token.Role ra = a.role();
        Token.Role rb = b.role();
        if (ra == Token.Role.NUMBER || rb == Token.Role.NUMBER) {
            return 0.0;
        }
        if (ra == Token.Role.LEGAL_FORM || rb == Token.Role.LEGAL_FORM) {
            if (ra == rb && a.generic() != null && a.generic().equals(b.generic())) {
                return 0.8;
            }
            return 0.0;
        }
        if (a.symbol() != null && a.symbol().equals(b.symbol())) {
            return 0.95;
        }
        if (ra == Token.Role.INITIAL || rb == Token.Role.INITIAL) {
            return a.text().charAt(0) == b.text().charAt(0) ? 0.8 : 0.0;
        }
        if (a.abjad() != b.abjad()) {
            return skeletonSimilarity(a.text(), b.text());
        }
        double s = words(a.text(), b.text());
        if (s >= DOUBLED) {
            return s;
        }
        if (squeezed(a.text()).equals(squeezed(b.text()))) {
            return DOUBLED; // doubled letters are a spelling variant: Nadella / Nadela, Joonng / Jong
        }
        if (s < SOUNDS_ALIKE
                && !a.phonetic().isEmpty()
                && a.phonetic().equals(b.phonetic())
                && a.text().charAt(0) == b.text().charAt(0)
                && Math.abs(a.text().length() - b.text().length()) <= 1
                && Math.min(a.text().length(), b.text().length()) >= 5
                && 1.0
                                - distance(a.text(), b.text())
                                        / Math.max(a.text().length(), b.text().length())
                        >= 0.5) {
            // same Double Metaphone key, first letter and length within one, five letters or more, and at most
            // half the letters differ:
            // a transliteration variant (Husayn / Hussein). The edit-distance half of the test keeps
            // "Lucio" and "Luis" (same key) apart; the length half keeps Olga / Oleg and Jing / Jinghe apart.
            return SOUNDS_ALIKE;
        }
        return s;
    }

    /** Score of two words equal once doubled letters are written once. */
    static final double DOUBLED = 0.9;
    /** Score of two words that sound alike (see {@link #similarity}). */
    static final double SOUNDS_ALIKE = 0.8;

    /** The word with runs of one letter written once. */
    static String squeezed(String w) {
        StringBuilder sb = null;
        for (int i = 1; i < w.length(); i++) {
            if (w.charAt(i) == w.charAt(i - 1)) {
                if (sb == null) {
                    sb = new StringBuilder(w.length()).append(w, 0, i);
                }
            } else if (sb != null) {
                sb.append(w.charAt(i));
            }
        }
        return sb == null ? w : sb.toString();
    }

    /**
     * Fuzzy similarity of two ASCII words: 1 - distance / length, and 0 once the distance exceeds an
     * edit budget that grows with the logarithm of the length (rigour's log_2.35(len - 2), at least one
     * edit), so long names tolerate typos while "Zuckermann" and "Zuckerberg" stay different.
     */
    static double words(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        int shorter = Math.min(a.length(), b.length());
        if (longer - shorter > Math.max(1, longer / 3)) {
            return 0.0;
        }
        int allowed = (int) Math.floor(budget(longer) * 10);
        int tenths = boundedDistance(a, b, allowed);
        if (tenths > allowed) {
            return 0.0;
        }
        double s = 1.0 - tenths / (10.0 * longer);
        return s < FLOOR ? 0.0 : s;
    }

    static double budget(int length) {
        return Math.max(1.0, Math.log(Math.max(length - 2, 1)) / Math.log(2.35));
    }

    /** Consonant skeleton: vowels and semivowels dropped, doubled letters collapsed. */
    static String skeleton(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == 'v') {
                c = 'w';
            } else if (c == 'p') {
                c = 'b'; // Arabic has no p: Perez is written with b
            } else if (c == 'e') {
                c = 'a';
            }
            if ("aeiouyw".indexOf(c) >= 0) {
                continue;
            }
            if (c == 'h' && sb.length() > 0 && "kgstdz".indexOf(sb.charAt(sb.length() - 1)) >= 0) {
                continue; // kh, gh, sh, th, dh, zh render one Arabic letter
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) == c) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static double skeletonSimilarity(String a, String b) {
        String sa = skeleton(a);
        String sb = skeleton(b);
        if (sa.isEmpty() || sb.isEmpty()) {
            return 0.0;
        }
        if (sa.equals(sb)) {
            // a two-consonant skeleton fits many names; only longer ones are strong evidence
            return sa.length() >= 3 ? 0.9 : sa.length() == 2 ? 0.75 : 0.65;
        }
        int longer = Math.max(sa.length(), sb.length());
        if (longer < 3) {
            return 0.0;
        }
        double s = 0.9 * (1.0 - distance(sa, sb) / longer);
        return s < FLOOR ? 0.0 : s;
    }

    /** Damerau-Levenshtein (optimal string alignment) with cheap confusable substitutions. */
    static double distance(String a, String b) {
        return boundedDistance(a, b, Integer.MAX_VALUE / 4) / 10.0;
    }

    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][64]);

    /**
     * The distance in tenths (a confusable substitution costs 7, any other edit 10), or any value
     * above {@code max} as soon as every path exceeds it; most vocabulary candidates stop early.
     */
    static int boundedDistance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) * 10 > max) {
            return max + 1;
        }
        int[][] rows = ROWS.get();
        if (rows[0].length < m + 1) {
            rows = new int[3][m + 1];
            ROWS.set(rows);
        }
        int[] prev2 = rows[0];
        int[] prev = rows[1];
        int[] cur = rows[2];
        for (int j = 0; j <= m; j++) {
            prev[j] = j * 10;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i * 10;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int sub = ca == cb ? 0 : (ca < 128 && cb < 128 && CONFUSABLE[ca][cb] ? 7 : 10);
                int v = Math.min(Math.min(prev[j] + 10, cur[j - 1] + 10), prev[j - 1] + sub);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 10);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
