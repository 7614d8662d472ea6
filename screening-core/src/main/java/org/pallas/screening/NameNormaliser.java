package org.pallas.screening;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns a name into comparable tokens: Unicode NFKC; transliteration of non-Latin scripts with ICU
 * (Cyrillic by BGN/PCGN, others by ICU's Any-Latin), then ASCII folding, so homoglyphs of another
 * script inside a Latin word (Cyrillic "І" in "ROMASHKІN") fold to their Latin letter; case folding with
 * {@link Locale#ROOT}; tokens split on punctuation, apostrophes joined. Legal forms (rigour's 435-type
 * dictionary) are replaced by a canonical form, organisation terms and stop-words are tagged so the
 * scorer can down-weight them. The original non-Latin script is kept for exact cross-script matches.
 *
 * <p>Evasion: default-ignorable code points (zero-width space and joiners, word joiner, BOM, soft hyphen,
 * ...) are removed first, so "Intel\u200blexa" is "Intellexa"; a name with a hyphen or dot inside a
 * word also has a {@link #joinedVariant} that screening scores beside it.
 *
 * <p>Immutable and thread-safe; transliterators are per thread because ICU's are not.
 */
final class NameNormaliser {
    private static final String RESOURCES = "/org/pallas/screening/";
    private static final Set<String> ABJAD = Set.of("Arabic", "Hebrew", "Syriac", "Thaana");
    private static final Set<String> PERSON_PARTICLES = Set.of(
            "bin", "ibn", "bint", "binti", "al", "el", "abu", "abou", "van", "von", "der", "den", "de", "da", "di",
            "du", "del", "della", "dos", "das", "la", "le", "y", "ben", "ould");
    private static final Set<String> ORG_STOP_WORDS = Set.of(
            "the", "of", "and", "for", "in", "de", "du", "des", "del", "la", "le", "les", "el", "y", "et", "und", "der",
            "die", "das", "a", "an", "mv", "m/v");
    private static final java.util.regex.Pattern PATRONYMIC = java.util.regex.Pattern.compile(
            "[a-z]{3,}(ovich|evich|ovych|evych|ovna|evna|ivna|ichna|ogly|oglu|kyzy|qizi)");
    /** Generic business words (beyond rigour's org symbols) that carry little identity. */
    private static final Set<String> GENERIC_ORG_WORDS = Set.of(
            "technologies",
            "technology",
            "tech",
            "solutions",
            "systems",
            "services",
            "service",
            "international",
            "trading",
            "consulting",
            "software",
            "labs",
            "lab",
            "networks",
            "network",
            "security",
            "enterprises",
            "enterprise",
            "industries",
            "industrial",
            "global",
            "holdings",
            "holding",
            "group",
            "management",
            "investment",
            "investments",
            "partners",
            "ventures",
            "capital",
            "import",
            "export",
            "general",
            "commercial",
            "resources",
            "logistics",
            "shipping");

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));
    /** Words kept per memo; beyond this, words are transliterated each time (bounded memory, about 10 MiB). */
    private static final int MEMO_LIMIT = 50_000;

    private static final java.util.concurrent.ConcurrentHashMap<String, String> LATIN_MEMO =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, String> ASCII_MEMO =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final Set<String> ROMAN_NUMERALS = Set.of("ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii");

    private static final NameNormaliser STANDARD = load();

    /** A legal form: its canonical comparable text and generic class (LLC, JSC, ...). */
    record LegalForm(String canonical, String generic) {}

    private final Map<String, LegalForm> legalForms;
    private final Map<String, Integer> legalFormFirstTokens;
    private final Map<String, String> orgTerms;
    private final Set<String> personPrefixes;

    private NameNormaliser(
            Map<String, LegalForm> legalForms, Map<String, String> orgTerms, Set<String> personPrefixes) {
        this.legalForms = legalForms;
        Map<String, Integer> first = new HashMap<>();
        for (String k : legalForms.keySet()) {
            String[] parts = k.split(" ");
            first.merge(parts[0], parts.length, Math::max);
        }
        this.legalFormFirstTokens = Map.copyOf(first);
        this.orgTerms = orgTerms;
        this.personPrefixes = personPrefixes;
    }

    static NameNormaliser standard() {
        return STANDARD;
    }

    @SuppressWarnings("unchecked")
    private static NameNormaliser load() {
        Yaml yaml = new Yaml(new LoaderOptions());
        Map<String, LegalForm> forms = new HashMap<>();
        Map<String, Object> types = (Map<String, Object>) read(yaml, "rigour_names_org_types.yml");
        for (Map<String, Object> type : (List<Map<String, Object>>) types.get("types")) {
            String generic = (String) type.get("generic");
            List<String> aliases = new ArrayList<>((List<String>) type.getOrDefault("aliases", List.of()));
            Object display = type.get("display");
            Object compare = type.get("compare");
            String canonicalSource = compare != null
                    ? compare.toString()
                    : display != null ? display.toString() : generic != null ? generic : aliases.get(0);
            String canonical = String.join("", basicTokens(canonicalSource));
            if (display != null) {
                aliases.add(display.toString());
            }
            if (compare != null) {
                aliases.add(compare.toString());
            }
            for (String alias : aliases) {
                String key = String.join(" ", basicTokens(alias));
                if (!key.isEmpty()) {
                    forms.putIfAbsent(key, new LegalForm(canonical, generic));
                }
            }
        }
        Map<String, String> orgTerms = new HashMap<>();
        Map<String, Object> symbols = (Map<String, Object>) read(yaml, "rigour_names_symbols.yml");
        Map<String, List<Object>> orgSymbols = (Map<String, List<Object>>) symbols.get("org_symbols");
        orgSymbols.forEach((symbol, variants) -> {
            for (Object v : variants) {
                List<String> tokens = basicTokens(String.valueOf(v));
                if (tokens.size() == 1) {
                    orgTerms.putIfAbsent(tokens.get(0), symbol);
                }
            }
        });
        Set<String> prefixes = new HashSet<>();
        Map<String, Object> stop = (Map<String, Object>) read(yaml, "rigour_names_stopwords.yml");
        for (Object p : (List<Object>) stop.get("PERSON_NAME_PREFIXES")) {
            List<String> tokens = basicTokens(String.valueOf(p));
            if (tokens.size() == 1) {
                prefixes.add(tokens.get(0));
            }
        }
        return new NameNormaliser(Map.copyOf(forms), Map.copyOf(orgTerms), Set.copyOf(prefixes));
    }

    private static Object read(Yaml yaml, String file) {
        try (InputStream in = NameNormaliser.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + file);
            }
            return yaml.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NFKC, transliteration to ASCII, lower case (ROOT), split into tokens; no tagging. */
    static List<String> basicTokens(String raw) {
        return tokenise(toAscii(Normalizer.normalize(withoutIgnorables(raw), Normalizer.Form.NFKC)));
    }

    /** {@code raw} without default-ignorable code points; ASCII text (most names) is returned as it is. */
    static String withoutIgnorables(String raw) {
        return InvisibleCharacters.remove(raw);
    }

    private static String toAscii(String nfkc) {
        boolean ascii = true;
        boolean nonLatin = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (c > 0x7f) {
                ascii = false;
                if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                    nonLatin = true;
                    break;
                }
            }
        }
        String latin = ascii ? nfkc : transliterate(nfkc, nonLatin);
        return latin.toLowerCase(Locale.ROOT);
    }

    /**
     * Transliterates word by word through a shared, bounded memo. ICU's rule-based transliterators lock
     * their compiled rules (shared by every instance of an ID) for each call, so two screening threads
     * queued on that lock; names repeat their words (Wang, Mohammad, Ivanov), and a memo hit is a
     * lock-free read. Whitespace is a word boundary for every rule ICU applies here, so word-by-word
     * equals whole-string transliteration (TransliterationMemoTest checks this over the evaluation names).
     */
    static String transliterate(String nfkc, boolean nonLatin) {
        StringBuilder out = new StringBuilder(nfkc.length() + 8);
        int i = 0;
        int n = nfkc.length();
        while (i < n) {
            int start = i;
            while (i < n && !Character.isWhitespace(nfkc.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.append(transliterateWord(nfkc.substring(start, i), nonLatin));
            }
            int spaces = i;
            while (i < n && Character.isWhitespace(nfkc.charAt(i))) {
                i++;
            }
            out.append(nfkc, spaces, i);
        }
        return out.toString();
    }

    private static String transliterateWord(String word, boolean nonLatin) {
        java.util.concurrent.ConcurrentHashMap<String, String> memo = nonLatin ? LATIN_MEMO : ASCII_MEMO;
        String cached = memo.get(word);
        if (cached != null) {
            return cached;
        }
        String latin = (nonLatin ? TO_LATIN.get() : TO_ASCII.get()).transliterate(word);
        if (memo.size() < MEMO_LIMIT) {
            memo.putIfAbsent(word, latin);
        }
        return latin;
    }

    private static List<String> tokenise(String lower) {
        List<String> tokens = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (c == '\''
                    || c == '`'
                    || c == '\u00b4'
                    || c == '\u2019'
                    || c == '\u2018'
                    || c == '\u02bf'
                    || c == '\u02be'
                    || c == '\u02bc') {
                // apostrophes and ayn/hamza marks join: QA'IDA and QAIDA are the same word
                continue;
            } else if (sb.length() > 0) {
                tokens.add(sb.toString());
                sb.setLength(0);
            }
        }
        if (sb.length() > 0) {
            tokens.add(sb.toString());
        }
        return tokens;
    }

    /**
     * {@code raw} with each hyphen or dot between two runs of two or more letters removed ("Intel-lexa",
     * "Intel.lexa" become "Intellexa"), or null when there is none. Screening scores this variant beside
     * the name as written and keeps the better score: joining in place would blur hyphenated person names
     * ("Kim Jong-un"), which the scorer already joins where the other name is written as one word.
     * Initials and dotted legal forms ("J.R.", "S.A.") are left as they are.
     */
    static String joinedVariant(String raw) {
        StringBuilder out = null;
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (isJoiner(c) && lettersBefore(raw, i) >= 2 && lettersAfter(raw, i) >= 2) {
                if (out == null) {
                    out = new StringBuilder(n).append(raw, 0, i);
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? null : out.toString();
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '.' || c == '\u2010' || c == '\u2011' || c == '\u00b7';
    }

    private static int lettersBefore(String s, int i) {
        int k = 0;
        while (i - 1 - k >= 0 && Character.isLetter(s.charAt(i - 1 - k)) && k < 2) {
            k++;
        }
        return k;
    }

    private static int lettersAfter(String s, int i) {
        int k = 0;
        while (i + 1 + k < s.length() && Character.isLetter(s.charAt(i + 1 + k)) && k < 2) {
            k++;
        }
        return k;
    }

    /** Normalises a name of the given kind (legal forms are recognised for all but persons). */
    NormalisedName normalise(String raw, EntryKind kind) {
        String nfkc = Normalizer.normalize(withoutIgnorables(raw), Normalizer.Form.NFKC);
        String script = Scripts.dominant(nfkc);
        boolean homoglyphs = !isAscii(nfkc) && hasMixedScriptWord(nfkc);
        String original = null;
        if (!script.equals("Latin")) {
            original = String.join(" ", UCharacter.foldCase(nfkc, true).split("[\\p{P}\\p{S}\\s]+"))
                    .strip();
        }
        List<String> words = joinInitials(tokenise(toAscii(nfkc)), kind);
        boolean abjad = ABJAD.contains(script);
        List<Token> tokens = new ArrayList<>(words.size());
        boolean orgLike = kind != EntryKind.PERSON;
        for (int i = 0; i < words.size(); ) {
            Integer longest = orgLike ? legalFormFirstTokens.get(words.get(i)) : null;
            if (longest != null) {
                int matched = 0;
                LegalForm form = null;
                for (int n = Math.min(longest, words.size() - i); n >= 1; n--) {
                    form = legalForms.get(String.join(" ", words.subList(i, i + n)));
                    if (form != null) {
                        matched = n;
                        break;
                    }
                }
                // A single-letter "legal form" at the start of a name is an initial, not "S" of "S.A."
                if (form != null && !(matched == 1 && words.get(i).length() == 1)) {
                    String surface = String.join(" ", words.subList(i, i + matched));
                    tokens.add(new Token(
                            form.canonical(),
                            Token.Role.LEGAL_FORM,
                            "lf:" + form.canonical(),
                            form.generic(),
                            "",
                            false,
                            surface));
                    i += matched;
                    continue;
                }
            }
            String w = words.get(i++);
            tokens.add(token(w, kind, abjad));
        }
        StringBuilder key = new StringBuilder();
        for (Token t : tokens) {
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(t.text());
        }
        return new NormalisedName(raw, key.toString(), original, List.copyOf(tokens), script, homoglyphs);
    }

    /**
     * Runs of single letters in an organisation name are an acronym written with dots or spaces
     * ("A.B.C. Company"): they join into one word, so "ABC Company" matches and "C.B.A." does not.
     */
    private List<String> joinInitials(List<String> words, EntryKind kind) {
        if (kind == EntryKind.PERSON || words.size() < 2) {
            return words;
        }
        List<String> out = new ArrayList<>(words.size());
        StringBuilder run = new StringBuilder();
        int runLength = 0;
        for (String w : words) {
            if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
                run.append(w);
                runLength++;
                continue;
            }
            flushRun(out, run, runLength);
            runLength = 0;
            out.add(w);
        }
        flushRun(out, run, runLength);
        return out;
    }

    private void flushRun(List<String> out, StringBuilder run, int runLength) {
        if (runLength == 0) {
            return;
        }
        String joined = run.toString();
        // keep legal forms written as letters (S.A., L.L.C.) recognisable
        if (runLength == 1 || legalForms.containsKey(String.join(" ", joined.split("")))) {
            out.addAll(List.of(joined.split("")));
        } else {
            out.add(joined);
        }
        run.setLength(0);
    }

    private Token token(String w, EntryKind kind, boolean abjad) {
        boolean digits = false;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                digits = true;
                break;
            }
        }
        if (digits && kind == EntryKind.PERSON) {
            // Person names have no digits: "Ig0r Sech1n" is a look-alike spelling of "Igor Sechin".
            w = unLeet(w);
            digits = w.chars().anyMatch(Character::isDigit);
        }
        if (digits || (kind != EntryKind.PERSON && ROMAN_NUMERALS.contains(w))) {
            return new Token(w, Token.Role.NUMBER, null, null, "", false, w);
        }
        if (w.length() == 1) {
            return new Token(w, Token.Role.INITIAL, null, null, "", false, w);
        }
        String phonetic = abjad ? "" : TokenSimilarity.phonetic(w);
        if (kind == EntryKind.PERSON || kind == EntryKind.ANY) {
            if (personPrefixes.contains(w) && kind == EntryKind.PERSON) {
                return new Token(w, Token.Role.STOP_WORD, null, null, phonetic, abjad, w);
            }
            if (kind == EntryKind.PERSON && PATRONYMIC.matcher(w).matches()) {
                return new Token(w, Token.Role.PATRONYMIC, null, null, phonetic, abjad, w);
            }
            if (PERSON_PARTICLES.contains(w)) {
                return new Token(w, Token.Role.PARTICLE, null, null, phonetic, abjad, w);
            }
        }
        if (kind != EntryKind.PERSON) {
            if (ORG_STOP_WORDS.contains(w)) {
                return new Token(w, Token.Role.STOP_WORD, null, null, phonetic, abjad, w);
            }
            String symbol = orgTerms.get(w);
            if (symbol != null) {
                return new Token(w, Token.Role.ORG_TERM, "org:" + symbol, null, phonetic, abjad, w);
            }
            if (GENERIC_ORG_WORDS.contains(w)) {
                return new Token(w, Token.Role.ORG_TERM, null, null, phonetic, abjad, w);
            }
        }
        return new Token(w, Token.Role.WORD, null, null, phonetic, abjad, w);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String unLeet(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            int k = "0134579".indexOf(c);
            sb.append(k >= 0 ? "oieastg".charAt(k) : c);
        }
        return sb.toString();
    }

    private static boolean hasMixedScriptWord(String text) {
        for (String word : text.split("\\s+")) {
            boolean latin = false;
            boolean other = false;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (!Character.isLetter(c)) {
                    continue;
                }
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin = true;
                } else {
                    other = true;
                }
            }
            if (latin && other) {
                return true;
            }
        }
        return false;
    }
}
