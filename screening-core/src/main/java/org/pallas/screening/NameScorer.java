package org.pallas.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scores a query name against a listed name by token alignment (docs/screening-scoring.md §1):
 *
 * <ol>
 * <li>identical normalised names, or identical names in the same non-Latin script, score 1.0;</li>
 * <li>adjacent parts that together spell a part of the other name are joined ("Abdul Rahman" ~
 *     "Abdulrahman");</li>
 * <li>each query part is paired with at most one listed part, greedily by {@link TokenSimilarity};</li>
 * <li>score = sum(similarity x weight) / (sum of paired weights + unmatched query weights x 0.8 +
 *     unmatched listed weights x 0.2), where a part's weight comes from its role (legal forms 0.3,
 *     stop-words 0.3, particles and initials 0.5, organisation terms 0.5, numbers 1.3, words 1.0);</li>
 * <li>numbers must agree: if both names contain numbers and any is left unpaired, x 0.5;</li>
 * <li>person names whose parts are permuted, not just rotated (AHMAD BIN HASAN / HASAN BIN AHMAD),
 *     x 0.8.</li>
 * </ol>
 */
final class NameScorer {
    private static final double MIN_PAIR = TokenSimilarity.FLOOR;

    /** Per-thread work arrays: a batch scores over a hundred names per query, so these were most allocation. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        private double[] sims = new double[64];
        private int[] order = new int[64];

        double[] sims(int size) {
            if (sims.length < size) {
                sims = new double[size];
            }
            return sims;
        }

        int[] order(int size) {
            if (order.length < size) {
                order = new int[size];
            }
            return order;
        }
    }

    private NameScorer() {}

    /** Scripts whose characters are syllables or morphemes, each a part of a name. */
    private static final java.util.Set<String> SYLLABIC = java.util.Set.of("Han", "Hangul", "Hiragana", "Katakana");

    /** The name as one part per character of its original script (no transliteration, exact comparison). */
    private static NormalisedName characters(NormalisedName n) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        n.original().codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            tokens.add(new Token(ch, Token.Role.WORD, null, null, "", false, ch));
            key.append(key.length() == 0 ? "" : " ").append(ch);
        });
        return new NormalisedName(n.raw(), key.toString(), null, List.copyOf(tokens), n.script(), false);
    }

    static double score(NormalisedName q, NormalisedName c, EntryKind kind, ScoringConfig config) {
        return score(q, c, kind, config, null);
    }

    /** Scores and, when {@code explanation} is not null, appends readable details to it. */
    static double score(
            NormalisedName q, NormalisedName c, EntryKind kind, ScoringConfig config, List<String> explanation) {
        if (q.original() != null
                && c.original() != null
                && !q.original().equals(c.original())
                && SYLLABIC.contains(q.script())
                && SYLLABIC.contains(c.script())) {
            // Both written in Han, Hangul or kana: each character is a name part, and the characters are the
            // evidence. Transliteration would make 高石 equal 高市 (both "gao shi") and 김종은 nearly 김정은.
            if (explanation != null) {
                explanation.add("both names in " + q.script() + (q.script().equals(c.script()) ? "" : "/" + c.script())
                        + " script: compared character by character, each character a name part");
            }
            return score(characters(q), characters(c), kind, config, explanation);
        }
        if (!q.key().isEmpty() && q.key().equals(c.key())) {
            if (explanation != null) {
                explanation.add("identical after normalisation ('" + q.key() + "'): 1.00");
            }
            return 1.0;
        }
        if (q.original() != null && q.original().equals(c.original())) {
            if (explanation != null) {
                explanation.add("identical in the original " + q.script() + " script: 1.00");
            }
            return 1.0;
        }
        List<Token> qt = q.tokens();
        List<Token> ct = c.tokens();
        if (qt.isEmpty() || ct.isEmpty()) {
            return 0.0;
        }
        if (qt.size() > 1 || ct.size() > 1) {
            List<Token> joinedQ = join(qt, ct);
            List<Token> joinedC = join(ct, qt);
            qt = joinedQ;
            ct = joinedC;
        }
        int n = qt.size();
        int m = ct.size();
        Buffers buffers = BUFFERS.get();
        double[] sims = buffers.sims(n * m);
        int[] order = buffers.order(n * m);
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = TokenSimilarity.similarity(qt.get(i), ct.get(j));
                sims[i * m + j] = s;
                if (s >= MIN_PAIR) {
                    order[pairs++] = i * m + j;
                }
            }
        }
        // Greedy assignment, best pairs first; ties go to the heavier (more informative) pair. An insertion
        // sort over the few pairs: no boxing and no comparator object per scored name (batch throughput).
        for (int k = 1; k < pairs; k++) {
            int x = order[k];
            int at = k - 1;
            while (at >= 0 && before(x, order[at], sims, qt, ct, m)) {
                order[at + 1] = order[at];
                at--;
            }
            order[at + 1] = x;
        }
        int[] pairOfQ = new int[n];
        boolean[] usedC = new boolean[m];
        Arrays.fill(pairOfQ, -1);
        for (int k = 0; k < pairs; k++) {
            int i = order[k] / m;
            int j = order[k] % m;
            if (pairOfQ[i] < 0 && !usedC[j]) {
                pairOfQ[i] = j;
                usedC[j] = true;
            }
        }
        // Does one name contain the other wholly (every part of the shorter paired, two or more of them
        // words)? Then the longer name's other parts are further names of the same party (ANJEM IFTIKHAR
        // CHOUDARY MAHMOOD for the listed ANJEM CHOUDARY; SHER ABBAS STANEKZAI for SHER MOHAMMAD ABBAS
        // STANEKZAI PADSHAH KHAN) and weigh ScoringConfig.extraPartWeight.
        // Not for names transliterated from Han, Hangul or kana: there each syllable became a part, and the
        // "extra" parts are syllables of the same given name, not further names.
        boolean syllables = SYLLABIC.contains(q.script()) || SYLLABIC.contains(c.script());
        double[] simOfQ = new double[n];
        double[] simOfC = new double[m];
        for (int i = 0; i < n; i++) {
            if (pairOfQ[i] >= 0) {
                simOfQ[i] = sims[i * m + pairOfQ[i]];
                simOfC[pairOfQ[i]] = simOfQ[i];
            }
        }
        double extraQueryWeight =
                !syllables && contained(ct, simOfC, 2) ? config.extraPartWeight() : config.unmatchedQueryWeight();
        // A short query found inside a long listed name is weaker evidence (many listed names contain a common
        // first and last name): the listed extras weigh less only when three or more query words are all found.
        double extraListedWeight = !syllables && contained(qt, simOfQ, 3)
                ? Math.min(config.extraPartWeight(), config.unmatchedListedWeight())
                : config.unmatchedListedWeight();
        double num = 0;
        double den = 0;
        boolean qNumbers = false;
        boolean cNumbers = false;
        boolean numberUnpaired = false;
        double unmatchedQContent = 0;
        double unmatchedCContent = 0;
        for (int i = 0; i < n; i++) {
            Token t = qt.get(i);
            qNumbers |= t.role() == Token.Role.NUMBER;
            int j = pairOfQ[i];
            if (j >= 0) {
                double w = (t.weight() + ct.get(j).weight()) / 2;
                num += sims[i * m + j] * w;
                den += w;
            } else if (!(t.role() == Token.Role.LEGAL_FORM && !hasLegalForm(ct))) {
                // a legal form the other name does not state at all is an omission of no weight
                den += t.weight() * extraQueryWeight;
                unmatchedQContent += t.weight();
                numberUnpaired |= t.role() == Token.Role.NUMBER;
            }
        }
        for (int j = 0; j < m; j++) {
            Token t = ct.get(j);
            cNumbers |= t.role() == Token.Role.NUMBER;
            if (!usedC[j] && !(t.role() == Token.Role.LEGAL_FORM && !hasLegalForm(qt))) {
                den += t.weight() * extraListedWeight;
                unmatchedCContent += t.weight();
                numberUnpaired |= t.role() == Token.Role.NUMBER;
            }
        }
        // A part missing on one side is an omission; a part on each side that pairs with nothing is a
        // contradiction (a different given name, clan name or legal form) and weighs fully on both sides.
        double contradicted = Math.min(unmatchedQContent, unmatchedCContent);
        if (contradicted > 0) {
            den += contradicted * (2.0 - extraQueryWeight - extraListedWeight);
            if (explanation != null) {
                explanation.add(String.format(
                        Locale.ROOT,
                        "parts on both sides pair with nothing (contradiction, weight %.1f counted in full)",
                        contradicted));
            }
        }
        double score = den == 0 ? 0 : num / den;
        if (kind == EntryKind.PERSON && initialsOnly(qt) != initialsOnly(ct) && score > config.initialsOnlyCap()) {
            // "N.N." for Nursultan Nazarbayev: initials alone do not identify a person
            score = config.initialsOnlyCap();
            if (explanation != null) {
                explanation.add(String.format(
                        Locale.ROOT,
                        "one name is initials only, which do not identify a person: capped at %.2f",
                        config.initialsOnlyCap()));
            }
        }
        if (explanation != null) {
            explanation.add(alignment(qt, ct, pairOfQ, usedC, sims, m, score, extraQueryWeight, extraListedWeight));
        }
        if (qNumbers && cNumbers && numberUnpaired) {
            score *= config.numberMismatchFactor();
            if (explanation != null) {
                explanation.add(String.format(
                        Locale.ROOT, "numbers in the names disagree: x %.2f", config.numberMismatchFactor()));
            }
        }
        if (kind == EntryKind.PERSON && permuted(qt, pairOfQ)) {
            score *= config.orderPenaltyFactor();
            if (explanation != null) {
                explanation.add(String.format(
                        Locale.ROOT,
                        "name parts are permuted, not just reordered (e.g. father and son): x %.2f",
                        config.orderPenaltyFactor()));
            }
        }
        return Math.max(0.0, Math.min(1.0, score));
    }

    /** Whether pair {@code x} goes before pair {@code y}: higher similarity, then heavier, then earlier. */
    private static boolean before(int x, int y, double[] sims, List<Token> qt, List<Token> ct, int m) {
        int cmp = Double.compare(sims[y], sims[x]);
        if (cmp != 0) {
            return cmp < 0;
        }
        double wx = qt.get(x / m).weight() + ct.get(x % m).weight();
        double wy = qt.get(y / m).weight() + ct.get(y % m).weight();
        cmp = Double.compare(wy, wx);
        return cmp != 0 ? cmp < 0 : x < y;
    }

    /**
     * Joins two adjacent parts of {@code side} that together spell a part of {@code other} exactly,
     * so that "abdul rahman" pairs with "abdulrahman" and "al qaida" with "alqaida".
     */
    private static List<Token> join(List<Token> side, List<Token> other) {
        List<Token> out = null;
        int i = 0;
        while (i < side.size()) {
            int span = joinSpan(side, other, i);
            if (span > 1) {
                if (out == null) {
                    out = new ArrayList<>(side.subList(0, i));
                }
                StringBuilder text = new StringBuilder();
                StringBuilder surface = new StringBuilder();
                for (int k = i; k < i + span; k++) {
                    text.append(side.get(k).text());
                    surface.append(k == i ? "" : " ").append(side.get(k).surface());
                }
                out.add(new Token(
                        text.toString(),
                        Token.Role.WORD,
                        null,
                        null,
                        "",
                        side.get(i).abjad(),
                        surface.toString()));
                i += span;
                continue;
            }
            if (out != null) {
                out.add(side.get(i));
            }
            i++;
        }
        return out == null ? side : out;
    }

    /**
     * Whether every part of {@code side} but legal forms and stop-words is paired, {@code min} or more of them
     * words, each word as written (similarity 1.0, or above 0.9 for a long word with one typo): a contained
     * name must be found as written, not by fuzzy or consonant-skeleton pairs (Tammy Mary Smith is not SAMMY
     * SMITH with an extra name; a Persian name in Arabic script is not MANSUR by its skeleton).
     */
    private static final double CONTAINED_PAIR = 0.91;

    private static boolean contained(List<Token> side, double[] pairSim, int min) {
        int words = 0;
        for (int k = 0; k < side.size(); k++) {
            Token t = side.get(k);
            if (pairSim[k] > 0) {
                if (t.role() == Token.Role.WORD) {
                    if (pairSim[k] < CONTAINED_PAIR) {
                        return false;
                    }
                    words++;
                }
            } else if (t.role() != Token.Role.LEGAL_FORM && t.role() != Token.Role.STOP_WORD) {
                return false;
            }
        }
        return words >= min;
    }

    /** Whether the name has initials and no word. */
    private static boolean initialsOnly(List<Token> tokens) {
        boolean initials = false;
        for (int k = 0; k < tokens.size(); k++) {
            Token.Role r = tokens.get(k).role();
            if (r == Token.Role.WORD || r == Token.Role.PATRONYMIC || r == Token.Role.NUMBER) {
                return false;
            }
            initials |= r == Token.Role.INITIAL;
        }
        return initials;
    }

    private static boolean hasLegalForm(List<Token> tokens) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).role() == Token.Role.LEGAL_FORM) {
                return true;
            }
        }
        return false;
    }

    /** How many parts from {@code i} (2 or 3) join into a part of {@code other}; 1 if none. */
    private static int joinSpan(List<Token> side, List<Token> other, int i) {
        if (!joinable(side.get(i))) {
            return 1;
        }
        int joinedLength = side.get(i).text().length();
        for (int span = 2; span <= 3 && i + span <= side.size(); span++) {
            Token next = side.get(i + span - 1);
            // A legal form written onto the name ("SiemensAG") joins as the last part, exactly only.
            boolean legalFormTail = next.role() == Token.Role.LEGAL_FORM;
            if (!joinable(next) && !legalFormTail) {
                return 1;
            }
            boolean fuzzy =
                    !legalFormTail && side.get(i).role() != Token.Role.INITIAL && next.role() != Token.Role.INITIAL;
            joinedLength += next.text().length();
            if (!anyFits(other, joinedLength, fuzzy)) {
                continue; // no part of the other name has a length the joined parts could match
            }
            String joined = null;
            Token candidate = null;
            for (int k = 0; k < other.size(); k++) {
                Token o = other.get(k);
                if (o.text().length() == joinedLength && spells(side, i, span, o.text())) {
                    return span;
                }
                if (fuzzy
                        && o.role() == Token.Role.WORD
                        && joinedLength >= 6
                        && Math.abs(o.text().length() - joinedLength) <= 2) {
                    if (candidate == null) {
                        StringBuilder sb = new StringBuilder(joinedLength);
                        for (int p = i; p < i + span; p++) {
                            sb.append(side.get(p).text());
                        }
                        joined = sb.toString();
                        candidate = new Token(
                                joined,
                                Token.Role.WORD,
                                null,
                                null,
                                "",
                                side.get(i).abjad(),
                                joined);
                    }
                    if (TokenSimilarity.similarity(candidate, o) >= 0.85) {
                        return span;
                    }
                }
            }
            if (legalFormTail) {
                return 1;
            }
        }
        return 1;
    }

    /** Whether parts {@code i .. i + span - 1} of {@code side}, written together, are exactly {@code text}. */
    private static boolean spells(List<Token> side, int i, int span, String text) {
        int at = 0;
        for (int p = i; p < i + span; p++) {
            String part = side.get(p).text();
            if (!text.regionMatches(at, part, 0, part.length())) {
                return false;
            }
            at += part.length();
        }
        return at == text.length();
    }

    private static boolean anyFits(List<Token> other, int length, boolean fuzzy) {
        for (int k = 0; k < other.size(); k++) {
            int gap = Math.abs(other.get(k).text().length() - length);
            if (gap == 0 || (fuzzy && gap <= 2 && length >= 6)) {
                return true;
            }
        }
        return false;
    }

    private static boolean joinable(Token t) {
        return t.role() != Token.Role.LEGAL_FORM && t.role() != Token.Role.NUMBER;
    }

    /** Whether the paired person-name words are in an order that is not a rotation of the listed order. */
    private static boolean permuted(List<Token> qt, int[] pairOfQ) {
        int[] seq = new int[qt.size()];
        int len = 0;
        for (int i = 0; i < qt.size(); i++) {
            if (pairOfQ[i] >= 0 && qt.get(i).role() == Token.Role.WORD) {
                seq[len++] = pairOfQ[i];
            }
        }
        if (len < 3) {
            return false;
        }
        int descents = 0;
        for (int k = 1; k < len; k++) {
            if (seq[k] < seq[k - 1]) {
                descents++;
            }
        }
        return descents > 1 || (descents == 1 && seq[len - 1] > seq[0]);
    }

    private static String alignment(
            List<Token> qt,
            List<Token> ct,
            int[] pairOfQ,
            boolean[] usedC,
            double[] sims,
            int m,
            double score,
            double queryShare,
            double listedShare) {
        StringBuilder sb = new StringBuilder("token alignment ");
        sb.append(String.format(Locale.ROOT, "%.2f", score)).append(':');
        for (int i = 0; i < qt.size(); i++) {
            Token t = qt.get(i);
            int j = pairOfQ[i];
            if (j >= 0) {
                Token c = ct.get(j);
                double s = sims[i * m + j];
                sb.append(' ').append(t.surface()).append(s == 1.0 ? "=" : "~").append(c.surface());
                sb.append(String.format(Locale.ROOT, " %.2f", s));
                if (t.role() != Token.Role.WORD) {
                    sb.append(" (")
                            .append(t.role().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                            .append(String.format(Locale.ROOT, ", weight %.1f)", (t.weight() + c.weight()) / 2));
                }
                sb.append(';');
            } else {
                sb.append(String.format(
                        Locale.ROOT,
                        " query '%s' unmatched (weight %.1f x %.1f);",
                        t.surface(),
                        t.weight(),
                        queryShare));
            }
        }
        for (int j = 0; j < ct.size(); j++) {
            if (!usedC[j]) {
                Token t = ct.get(j);
                sb.append(String.format(
                        Locale.ROOT,
                        " listed '%s' unmatched (weight %.1f x %.1f);",
                        t.surface(),
                        t.weight(),
                        listedShare));
            }
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
