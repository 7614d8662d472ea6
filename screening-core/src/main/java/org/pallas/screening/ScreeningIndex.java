package org.pallas.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable in-memory index over list entries; queries are thread-safe.
 *
 * <p>Candidate retrieval never scans the whole list: each query part looks up the vocabulary of listed
 * name parts exactly, by Double Metaphone key, by consonant skeleton (for Arabic and Hebrew queries)
 * and through a character-trigram index (typos); each hit adds similarity x IDF to the names that
 * contain the part. The best {@link ScoringConfig#candidates()} names, plus exact full-name hits (weak
 * aliases included), exact original-script hits and identifier hits, are then scored pairwise by
 * {@link NameScorer} and adjusted by {@link Qualifiers}.
 *
 * <p>Build one over all current list versions ({@link #build(Collection, ScoringConfig)}) or over a
 * delta of changed entries ({@link #ofEntries}) to re-screen parties cheaply when a list changes.
 */
public final class ScreeningIndex {
    private static final NameNormaliser NORMALISER = NameNormaliser.standard();
    private static final int[] NONE = new int[0];

    private final ScoringConfig config;
    private final List<String> listVersions;
    private final ListEntry[] entries;
    private final int[] nameEntry;
    private final int[] firstName;
    private final ListedName[] names;
    private final NormalisedName[] normalised;
    private final Map<String, Integer> vocabulary;
    private final String[] vocab;
    private final int[][] postings;
    private final float[] idf;
    private final Map<String, int[]> trigrams;
    private final Map<String, int[]> phonetic;
    private final Map<String, int[]> skeletons;
    private final Map<String, int[]> exactKeys;
    private final Map<String, int[]> originals;
    private final Map<String, int[]> identifiers;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread accumulators, so queries allocate little and never share state. */
    private static final class Scratch {
        final float[] acc;
        final int[] touched;
        final int[] trigramCount;
        final int[] trigramTouched;
        final float[] bestOfToken;
        final int[] bestTouched;
        /** 1 + the slot of an entry among this query's scored entries, 0 if none (reset after each query). */
        final int[] slotOfEntry;

        int[] slotEntry = new int[256];
        int[] slotName = new int[256];
        double[] slotScore = new double[256];

        Scratch(int names, int vocabSize, int entryCount) {
            slotOfEntry = new int[entryCount];
            acc = new float[names];
            touched = new int[names];
            trigramCount = new int[vocabSize];
            trigramTouched = new int[vocabSize];
            bestOfToken = new float[vocabSize];
            bestTouched = new int[vocabSize];
        }
    }

    private ScreeningIndex(List<ListEntry> entryList, List<String> listVersions, ScoringConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.listVersions = List.copyOf(listVersions);
        this.entries = entryList.toArray(new ListEntry[0]);
        List<Integer> nameEntries = new ArrayList<>();
        List<ListedName> nameList = new ArrayList<>();
        List<NormalisedName> normList = new ArrayList<>();
        this.firstName = new int[entries.length + 1];
        for (int e = 0; e < entries.length; e++) {
            firstName[e] = nameList.size();
            for (ListedName n : entries[e].names()) {
                nameEntries.add(e);
                nameList.add(n);
                normList.add(NORMALISER.normalise(n.value(), entries[e].kind()));
            }
        }
        int count = nameList.size();
        firstName[entries.length] = count;
        this.nameEntry = nameEntries.stream().mapToInt(Integer::intValue).toArray();
        this.names = nameList.toArray(new ListedName[0]);
        this.normalised = normList.toArray(new NormalisedName[0]);

        Map<String, Integer> vocabIds = new HashMap<>();
        List<String> vocabList = new ArrayList<>();
        Map<Integer, IntList> post = new HashMap<>();
        Map<String, IntList> exact = new HashMap<>();
        Map<String, IntList> orig = new HashMap<>();
        for (int n = 0; n < count; n++) {
            NormalisedName nn = normalised[n];
            exact.computeIfAbsent(nn.key(), k -> new IntList()).add(n);
            if (nn.original() != null && !nn.original().isEmpty()) {
                orig.computeIfAbsent(nn.original(), k -> new IntList()).add(n);
            }
            if (names[n].quality() == NameQuality.WEAK) {
                continue; // weak aliases are found only by exact key
            }
            for (Token t : nn.tokens()) {
                Integer id = vocabIds.get(t.text());
                if (id == null) {
                    id = vocabList.size();
                    vocabIds.put(t.text(), id);
                    vocabList.add(t.text());
                }
                IntList p = post.computeIfAbsent(id, k -> new IntList());
                if (p.size == 0 || p.last() != n) {
                    p.add(n);
                }
            }
        }
        this.vocabulary = Map.copyOf(vocabIds);
        this.vocab = vocabList.toArray(new String[0]);
        this.postings = new int[vocab.length][];
        this.idf = new float[vocab.length];
        Map<String, IntList> tri = new HashMap<>();
        Map<String, IntList> pho = new HashMap<>();
        Map<String, IntList> ske = new HashMap<>();
        for (int v = 0; v < vocab.length; v++) {
            postings[v] = post.get(v).toArray();
            idf[v] = (float) Math.log(1.0 + (double) count / postings[v].length);
            String w = vocab[v];
            for (String g : trigramsOf(w)) {
                IntList l = tri.computeIfAbsent(g, k -> new IntList());
                if (l.size == 0 || l.last() != v) {
                    l.add(v);
                }
            }
            if (w.length() >= 3 && Character.isLetter(w.charAt(0))) {
                String key = phoneticKey(w);
                if (!key.isEmpty()) {
                    pho.computeIfAbsent(key, k -> new IntList()).add(v);
                }
                String sk = TokenSimilarity.skeleton(w);
                if (sk.length() >= 2) {
                    ske.computeIfAbsent(sk, k -> new IntList()).add(v);
                }
            }
        }
        this.trigrams = freeze(tri);
        this.phonetic = freeze(pho);
        this.skeletons = freeze(ske);
        this.exactKeys = freeze(exact);
        this.originals = freeze(orig);
        Map<String, IntList> ids = new HashMap<>();
        for (int e = 0; e < entries.length; e++) {
            for (Identifier id : entries[e].identifiers()) {
                String c = id.comparable();
                if (c.length() >= 5) {
                    IntList l = ids.computeIfAbsent(c, k -> new IntList());
                    if (l.size == 0 || l.last() != e) {
                        l.add(e);
                    }
                }
            }
        }
        this.identifiers = freeze(ids);
        int vocabSize = vocab.length;
        int entryCount = entries.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(count, vocabSize, entryCount));
    }

    /** An index over the entries listed as of each version's date; delisted entries do not alert. */
    public static ScreeningIndex build(Collection<ListVersion> versions, ScoringConfig config) {
        List<ListEntry> all = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (ListVersion v : versions) {
            all.addAll(v.activeEntries());
            labels.add(v.label());
        }
        return new ScreeningIndex(all, labels, config);
    }

    /** An index over the given entries, e.g. the changed entries of a {@link ListDelta}. */
    public static ScreeningIndex ofEntries(List<ListEntry> entries, List<String> listVersions, ScoringConfig config) {
        return new ScreeningIndex(entries, listVersions, config);
    }

    public int entryCount() {
        return entries.length;
    }

    public int nameCount() {
        return names.length;
    }

    public ScoringConfig config() {
        return config;
    }

    public List<String> listVersions() {
        return listVersions;
    }

    /**
     * Screens one party. A name with a hyphen or dot inside a word ("Intel-lexa") is screened also as
     * joined ("Intellexa"); each entry keeps its better score.
     */
    public ScreeningResult search(ScreeningQuery query) {
        ScreeningResult written = searchAsWritten(query);
        String joined = NameNormaliser.joinedVariant(InvisibleCharacters.remove(query.name()));
        if (joined == null) {
            return written;
        }
        ScreeningResult other = searchAsWritten(new ScreeningQuery(
                joined, query.kind(), query.country(), query.birthDate(), query.identifiers(), query.limit()));
        Map<String, ScreeningMatch> best = new LinkedHashMap<>();
        for (ScreeningMatch m : written.matches()) {
            best.put(m.source() + "\u0000" + m.entryId(), m);
        }
        for (ScreeningMatch o : other.matches()) {
            List<String> steps = new ArrayList<>(o.explanation().size() + 1);
            steps.add("punctuation inside a word joined: screened as '" + joined + "'");
            steps.addAll(o.explanation());
            ScreeningMatch m = new ScreeningMatch(
                    o.entryId(), o.source(), o.listedName(), o.matchedName(), o.score(), o.alert(), steps, o.entry());
            best.merge(m.source() + "\u0000" + m.entryId(), m, (a, b) -> b.score() > a.score() ? b : a);
        }
        List<ScreeningMatch> merged = new ArrayList<>(best.values());
        merged.sort(Comparator.comparingDouble(ScreeningMatch::score)
                .reversed()
                .thenComparing(ScreeningMatch::source)
                .thenComparing(ScreeningMatch::entryId));
        return new ScreeningResult(
                listVersions, List.copyOf(merged.subList(0, Math.min(query.limit(), merged.size()))));
    }

    private ScreeningResult searchAsWritten(ScreeningQuery query) {
        NormalisedName q = NORMALISER.normalise(query.name(), query.kind());
        // Best name per entry, kept in primitive per-thread arrays (no boxed maps per query).
        Scratch sc = scratch.get();
        int found = 0;
        for (int n : candidates(q)) {
            int e = nameEntry[n];
            ListEntry entry = entries[e];
            if (!query.kind().admits(entry.kind())) {
                continue;
            }
            double s = nameScore(q, n, entry, null);
            int slot = sc.slotOfEntry[e] - 1;
            if (slot < 0) {
                slot = found++;
                if (slot == sc.slotEntry.length) {
                    sc.slotEntry = Arrays.copyOf(sc.slotEntry, slot * 2);
                    sc.slotName = Arrays.copyOf(sc.slotName, slot * 2);
                    sc.slotScore = Arrays.copyOf(sc.slotScore, slot * 2);
                }
                sc.slotOfEntry[e] = slot + 1;
                sc.slotEntry[slot] = e;
                sc.slotName[slot] = n;
                sc.slotScore[slot] = s;
            } else if (s > sc.slotScore[slot]) {
                sc.slotScore[slot] = s;
                sc.slotName[slot] = n;
            }
        }
        int[] slotEntry = Arrays.copyOf(sc.slotEntry, found);
        int[] slotName = Arrays.copyOf(sc.slotName, found);
        double[] slotScore = Arrays.copyOf(sc.slotScore, found);
        for (int k = 0; k < found; k++) {
            sc.slotOfEntry[slotEntry[k]] = 0;
        }
        List<int[]> byIdentifier = new ArrayList<>();
        for (String form : query.identifiers().stream()
                .flatMap(g -> Identifier.comparableForms(g).stream())
                .toList()) {
            for (int e : identifiers.getOrDefault(form, NONE)) {
                if (!contains(slotEntry, e)
                        && !containsEntry(byIdentifier, e)
                        && query.kind().admits(entries[e].kind())) {
                    byIdentifier.add(new int[] {e, bestNameOf(q, e)});
                }
            }
        }
        record Scored(int entry, int name, double nameScore, double score, int confirmations) {}
        List<Scored> scored = new ArrayList<>();
        for (int k = 0; k < found + byIdentifier.size(); k++) {
            int e = k < found ? slotEntry[k] : byIdentifier.get(k - found)[0];
            int n = k < found ? slotName[k] : byIdentifier.get(k - found)[1];
            double nameScore = k < found ? slotScore[k] : nameScore(q, n, entries[e], null);
            Qualifiers.Outcome o = Qualifiers.apply(nameScore, query, entries[e], config, null);
            if (o.score() >= config.reportFloor()) {
                scored.add(new Scored(e, n, nameScore, o.score(), o.confirmations()));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score)
                .reversed()
                .thenComparing(Comparator.comparingInt(Scored::confirmations).reversed())
                .thenComparing(s -> entries[s.entry()].source())
                .thenComparing(s -> entries[s.entry()].id()));
        List<ScreeningMatch> matches = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(query.limit(), scored.size()))) {
            ListEntry entry = entries[s.entry()];
            List<String> explanation = new ArrayList<>();
            nameScore(q, s.name(), entry, explanation);
            Qualifiers.apply(s.nameScore(), query, entry, config, explanation); // renders the qualifier steps
            boolean alert = s.score() >= config.alertThreshold();
            explanation.add(String.format(
                    Locale.ROOT,
                    "score %.3f %s alert threshold %.2f",
                    s.score(),
                    alert ? ">=" : "<",
                    config.alertThreshold()));
            matches.add(new ScreeningMatch(
                    entry.id(),
                    entry.source(),
                    entry.primaryName().value(),
                    names[s.name()].value(),
                    s.score(),
                    alert,
                    explanation,
                    entry));
        }
        return new ScreeningResult(listVersions, matches);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsEntry(List<int[]> pairs, int e) {
        for (int[] p : pairs) {
            if (p[0] == e) {
                return true;
            }
        }
        return false;
    }

    private int bestNameOf(NormalisedName q, int entryIndex) {
        int best = firstName[entryIndex];
        double bestScore = -1;
        for (int n = firstName[entryIndex]; n < firstName[entryIndex + 1]; n++) {
            double s = nameScore(q, n, entries[entryIndex], null);
            if (s > bestScore) {
                bestScore = s;
                best = n;
            }
        }
        return best;
    }

    private double nameScore(NormalisedName q, int n, ListEntry entry, List<String> explanation) {
        ListedName listed = names[n];
        NormalisedName c = normalised[n];
        if (listed.quality() == NameQuality.WEAK) {
            // Weak aliases (OFAC remarks a.k.a., UN "Low") never match fuzzily.
            boolean exact = (!q.key().isEmpty() && q.key().equals(c.key()))
                    || (q.original() != null && q.original().equals(c.original()));
            // A weak alias of one word ("Dr. Amin", "Mohammad") names too many people to alert on its own.
            boolean oneWord = contentWords(c) < 2;
            double score = oneWord ? config.weakOneWordAliasScore() : config.weakAliasScore();
            if (explanation != null) {
                explanation.add(
                        exact
                                ? String.format(
                                        Locale.ROOT,
                                        "weak alias '%s' matches exactly: %.2f (weak aliases match only exactly%s)",
                                        listed.value(),
                                        score,
                                        oneWord ? "; a one-word weak alias does not alert on its own" : "")
                                : "weak alias '" + listed.value()
                                        + "' does not match exactly: 0 (weak aliases match only exactly)");
            }
            return exact ? score : 0.0;
        }
        if (explanation != null) {
            explanation.add("name '" + InvisibleCharacters.reveal(q.raw()) + "' against listed "
                    + (listed.former() ? "former name" : "name") + " '"
                    + listed.value() + "'"
                    + (q.homoglyphs() ? " (query mixes look-alike letters of two scripts)" : ""));
        }
        double score = NameScorer.score(q, c, entry.kind(), config, explanation);
        if (score < 1.0 && score >= config.reportFloor() && commonWordsOnly(q)) {
            // JOHN SMITH in JOHN B. PRIDMORE-SMITH, MUHAMMAD AHMED in Muhammad Yunis Ahmed: a partial match on
            // words that hundreds of listed names share is weak evidence (OFAC's common-name guidance).
            score *= config.commonNameFactor();
            if (explanation != null) {
                explanation.add(String.format(
                        Locale.ROOT,
                        "every word of the query is common in the lists (each in %d or more listed names) and the "
                                + "match is partial: x %.2f",
                        config.commonNameCount(),
                        config.commonNameFactor()));
            }
        }
        return score;
    }

    /** Whether the query has words and each is in at least {@link ScoringConfig#commonNameCount()} listed names. */
    private boolean commonWordsOnly(NormalisedName q) {
        int words = 0;
        for (Token t : q.tokens()) {
            if (t.role() == Token.Role.WORD || t.role() == Token.Role.NUMBER) {
                Integer id = vocabulary.get(t.text());
                if (id == null || postings[id].length < config.commonNameCount()) {
                    return false;
                }
                words++;
            }
        }
        return words > 0;
    }

    private static int contentWords(NormalisedName n) {
        int words = 0;
        for (Token t : n.tokens()) {
            if (t.role() == Token.Role.WORD || t.role() == Token.Role.NUMBER || t.role() == Token.Role.PATRONYMIC) {
                words++;
            }
        }
        return words;
    }

    /** Name ids to score: retrieval by parts, plus exact full-name and original-script hits. */
    private int[] candidates(NormalisedName q) {
        Scratch s = scratch.get();
        int touchedCount = 0;
        boolean anyContent = q.tokens().stream().anyMatch(Token::content);
        for (Token t : q.tokens()) {
            if (anyContent && !t.content() && t.role() != Token.Role.PATRONYMIC) {
                continue; // legal forms and stop-words do not retrieve when real words exist
            }
            int best = collectVocabulary(t, s);
            for (int k = 0; k < best; k++) {
                int v = s.bestTouched[k];
                float w = s.bestOfToken[v] * idf[v];
                s.bestOfToken[v] = 0;
                for (int n : postings[v]) {
                    if (s.acc[n] == 0) {
                        s.touched[touchedCount++] = n;
                    }
                    s.acc[n] += w;
                }
            }
        }
        int limit = Math.min(config.candidates(), touchedCount);
        int[] top = topK(s, touchedCount, limit);
        for (int k = 0; k < touchedCount; k++) {
            s.acc[s.touched[k]] = 0;
        }
        IntList out = new IntList();
        for (int n : top) {
            out.add(n);
        }
        for (int n : exactKeys.getOrDefault(q.key(), NONE)) {
            out.add(n);
        }
        if (q.original() != null) {
            for (int n : originals.getOrDefault(q.original(), NONE)) {
                out.add(n);
            }
        }
        int[] result = out.toArray();
        Arrays.sort(result);
        int distinct = 0;
        for (int k = 0; k < result.length; k++) {
            if (k == 0 || result[k] != result[k - 1]) {
                result[distinct++] = result[k];
            }
        }
        return distinct == result.length ? result : Arrays.copyOf(result, distinct);
    }

    /** Collects vocabulary ids similar to {@code t} into scratch.bestTouched with scratch.bestOfToken set. */
    private int collectVocabulary(Token t, Scratch s) {
        int found = 0;
        Integer exact = vocabulary.get(t.text());
        if (exact != null) {
            s.bestOfToken[exact] = 1f;
            s.bestTouched[found++] = exact;
        }
        if (t.role() == Token.Role.NUMBER || t.role() == Token.Role.INITIAL) {
            return found;
        }
        if (t.abjad()) {
            for (int v : skeletons.getOrDefault(TokenSimilarity.skeleton(t.text()), NONE)) {
                found = offer(s, found, v, 0.9f);
            }
        } else if (t.text().length() >= 3 && Character.isLetter(t.text().charAt(0))) {
            String key = phoneticKey(t.text());
            for (int v : phonetic.getOrDefault(key, NONE)) {
                if (vocab[v].charAt(0) == t.text().charAt(0)) {
                    found = offer(s, found, v, 0.8f);
                }
            }
        }
        // A part found exactly needs no typo search: its spelling variants share its phonetic key.
        if (exact == null && t.text().length() >= 4) {
            List<String> grams = trigramsOf(t.text());
            int needed = Math.max(
                    1,
                    grams.size()
                            - 3
                                    * (int) Math.ceil(
                                            TokenSimilarity.budget(t.text().length())));
            int touched = 0;
            for (String g : grams) {
                for (int v : trigrams.getOrDefault(g, NONE)) {
                    if (s.trigramCount[v]++ == 0) {
                        s.trigramTouched[touched++] = v;
                    }
                }
            }
            int maxLengthGap = (int) Math.ceil(TokenSimilarity.budget(t.text().length()));
            for (int k = 0; k < touched; k++) {
                int v = s.trigramTouched[k];
                if (s.trigramCount[v] >= needed
                        && Math.abs(vocab[v].length() - t.text().length()) <= maxLengthGap) {
                    double sim = TokenSimilarity.words(t.text(), vocab[v]);
                    if (sim > 0) {
                        found = offer(s, found, v, (float) sim);
                    }
                }
                s.trigramCount[v] = 0;
            }
        }
        return found;
    }

    private static int offer(Scratch s, int found, int v, float sim) {
        if (s.bestOfToken[v] == 0) {
            s.bestTouched[found++] = v;
            s.bestOfToken[v] = sim;
        } else if (sim > s.bestOfToken[v]) {
            s.bestOfToken[v] = sim;
        }
        return found;
    }

    /** The k touched names with the highest accumulated retrieval score (a bounded min-heap). */
    private static int[] topK(Scratch s, int touchedCount, int k) {
        if (k == 0) {
            return NONE;
        }
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < touchedCount; i++) {
            int n = s.touched[i];
            if (size < k) {
                heap[size] = n;
                siftUp(heap, size++, s.acc);
            } else if (s.acc[n] > s.acc[heap[0]]) {
                heap[0] = n;
                siftDown(heap, size, s.acc);
            }
        }
        return Arrays.copyOf(heap, size);
    }

    private static void siftUp(int[] h, int i, float[] acc) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (acc[h[i]] >= acc[h[p]]) {
                return;
            }
            int t = h[i];
            h[i] = h[p];
            h[p] = t;
            i = p;
        }
    }

    private static void siftDown(int[] h, int size, float[] acc) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && acc[h[l]] < acc[h[m]]) {
                m = l;
            }
            if (r < size && acc[h[r]] < acc[h[m]]) {
                m = r;
            }
            if (m == i) {
                return;
            }
            int t = h[i];
            h[i] = h[m];
            h[m] = t;
            i = m;
        }
    }

    private static String phoneticKey(String w) {
        return TokenSimilarity.phonetic(w);
    }

    static List<String> trigramsOf(String w) {
        String padded = "$" + w + "$";
        List<String> out = new ArrayList<>(padded.length());
        for (int i = 0; i + 3 <= padded.length(); i++) {
            out.add(padded.substring(i, i + 3));
        }
        return out;
    }

    private static Map<String, int[]> freeze(Map<String, IntList> m) {
        Map<String, int[]> out = new HashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    /** A growable int array. */
    private static final class IntList {
        int[] a = new int[4];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int last() {
            return a[size - 1];
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
