package org.pallas.screening.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListVersion;
import org.pallas.screening.NameMatcher;
import org.pallas.screening.ScoringConfig;
import org.pallas.screening.ScreeningIndex;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;

/**
 * Runs every evaluation of docs/screening-evaluation.md and writes the report.
 *
 * <pre>
 *   screening-core/eval.sh                  # writes docs/screening-evaluation.md
 *   screening-core/eval.sh --write-golden   # also rewrites src/test/resources/golden-scores.csv
 *   screening-core/eval.sh --stride 10      # every 10th synthetic negative only (quick look)
 * </pre>
 *
 * Run from the checkout: the lists and evaluation sets are the in-repo ones ({@link BundledLists#inCheckout}).
 * Only the full synthetic negatives (2 x 4 MB) are not in the repository; they are read from the shared data
 * folder ({@code --shared}, default {@code ../shared}) when it is there, and otherwise the report screens the
 * in-repo extracts of every 50th row and says so.
 */
public final class EvaluationReport {
    private static final double[] THRESHOLDS = {0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95};

    private EvaluationReport() {
    }

    /** The two synthetic-negative files screened, and whether they are the full ones. */
    record Negatives(Path global, Path us, boolean full) {
        static Negatives find(Path shared, Path eval) {
            Path fullEval = shared.resolve("data/sanctions/eval");
            Path global = fullEval.resolve("yente_negatives_synthetic_global_50k.csv");
            Path us = fullEval.resolve("yente_negatives_synthetic_us_50k.csv");
            if (Files.isRegularFile(global) && Files.isRegularFile(us)) {
                return new Negatives(global, us, true);
            }
            return new Negatives(eval.resolve("yente_negatives_synthetic_global_50k_every_50th.csv"),
                    eval.resolve("yente_negatives_synthetic_us_50k_every_50th.csv"), false);
        }

        static String howToGetTheFullFiles(Path shared) {
            return "The full synthetic negatives are not in " + shared.toAbsolutePath().normalize()
                    + "/data/sanctions/eval, so section 4 screens the in-repo extracts (every 50th row).\n"
                    + "For the full run, pass --shared DIR (or PALLAS_SHARED=DIR to eval.sh) naming a folder with "
                    + "data/sanctions/eval/yente_negatives_synthetic_{global,us}_50k.csv: the files "
                    + "contrib/candidate_generation_benchmark/fixtures/negatives_{global,us}.csv of "
                    + "github.com/opensanctions/yente at commit 4e22c29a7ee348c50ce5cc33d83b2228dff711b3 "
                    + "(see screening-core/src/test/data/sanctions/SOURCES.md).";
        }
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("pallas.shared", "../shared"));
        Path out = Path.of("docs/screening-evaluation.md");
        Path golden = null;
        int stride = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--write-golden" -> golden = Path.of("screening-core/src/test/resources/golden-scores.csv");
                case "--stride" -> stride = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (expected --shared DIR, --out FILE, --write-golden, --stride N)");
            }
        }
        Path eval = Path.of(BundledLists.TEST_ONLY, "eval");
        Negatives negatives = Negatives.find(shared, eval);
        if (!negatives.full()) {
            System.out.println(Negatives.howToGetTheFullFiles(shared));
        }
        String report = run(Path.of("."), negatives, stride, Clock.systemUTC());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
        if (golden != null) {
            ScoringConfig config = ScoringConfig.defaults();
            Files.write(golden, GoldenScores.compute(eval, new NameMatcher(config)), StandardCharsets.UTF_8);
            System.out.println("wrote " + golden);
        }
    }

    static String run(Path checkout, Negatives negatives, int stride, Clock clock) throws Exception {
        ScoringConfig config = ScoringConfig.defaults();
        double threshold = config.alertThreshold();
        NameMatcher matcher = new NameMatcher(config);
        Path eval = checkout.resolve(BundledLists.TEST_ONLY).resolve("eval");
        StringBuilder md = new StringBuilder();
        Instant started = clock.instant();
        md.append("# Screening evaluation\n\n");
        md.append("Generated by `screening-core/eval.sh` (class `org.pallas.screening.evaluation.EvaluationReport`) on ")
                .append(started).append(". Alert threshold ").append(fmt(threshold))
                .append(" (`ScoringConfig.defaults()`); the scoring model is in `docs/screening-scoring.md`. ")
                .append("Every figure below is recomputed by the command; nothing is hand-edited.\n\n");

        long t0 = System.nanoTime();
        List<ListVersion> versions = BundledLists.importAll(BundledLists.inCheckout(checkout), clock);
        long t1 = System.nanoTime();
        ScreeningIndex index = ScreeningIndex.build(versions, config);
        long t2 = System.nanoTime();
        md.append("## 1. Bundled lists\n\n");
        md.append(String.format(Locale.ROOT, "Import of all lists %.1f s, index build %.1f s (wall clock on a shared "
                + "2-core machine; see docs/benchmarks/screening.md for measured figures). Index: %d listed entries, "
                + "%d names.%n%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, index.entryCount(), index.nameCount()));
        md.append("| source | format | published | entries | listed now | strong names | weak names | malformed rows | SHA-256 (first file) |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (ListVersion v : versions) {
            ImportReport r = v.report();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %d | %d | `%s` |%n", v.source(),
                    r.format(), r.publishedOn(), v.entries().size(), v.activeEntries().size(), r.count("names.strong"),
                    r.count("names.weak"), r.malformations().size(), r.files().get(0).sha256().substring(0, 16)));
        }
        md.append("\nMalformed rows reported:\n\n");
        for (ListVersion v : versions) {
            v.report().malformations().forEach(m -> md.append("- ").append(v.source()).append(": `").append(m)
                    .append("`\n"));
        }
        md.append("\n");

        // 2. name bench
        List<NameBench.Case> cases = NameBench.run(eval.resolve("nomenklatura_name_bench_cases.csv"), matcher);
        md.append("## 2. nomenklatura name bench (").append(cases.size()).append(" pairs)\n\n");
        md.append("Pairwise name scores (`NameMatcher`, name1 as the query). Reference: yente logic-v2 frozen run, "
                + "P 0.762 / R 0.821 / F1 0.790 at 0.70 (derived in shared/reference/screening.md §1.5).\n\n");
        md.append("| threshold | TP | FP | FN | TN | precision | recall | F1 |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (double t : THRESHOLDS) {
            NameBench.Metrics m = NameBench.metrics(cases, t);
            md.append(String.format(Locale.ROOT, "| %s%.2f%s | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n",
                    t == threshold ? "**" : "", t, t == threshold ? "**" : "", m.tp(), m.fp(), m.fn(), m.tn(),
                    m.precision(), m.recall(), m.f1()));
        }
        md.append("\nAt the alert threshold, by schema, quality tier and case group:\n\n");
        md.append("| slice | pairs | precision | recall | F1 |\n| --- | ---: | ---: | ---: | ---: |\n");
        Map<String, Predicate<NameBench.Case>> slices = new LinkedHashMap<>();
        for (String s : List.of("Person", "Company", "Organization", "LegalEntity", "Vessel")) {
            slices.put("schema " + s, c -> c.schema().equals(s));
        }
        for (String q : List.of("STRONG", "MEDIUM", "WEAK")) {
            slices.put("quality " + q, c -> c.quality().equals(q));
        }
        cases.stream().map(NameBench.Case::group).distinct().sorted()
                .forEach(g -> slices.put("group " + g, c -> c.group().equals(g)));
        slices.forEach((name, p) -> {
            List<NameBench.Case> slice = cases.stream().filter(p).toList();
            NameBench.Metrics m = NameBench.metrics(slice, threshold);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", name, slice.size(),
                    m.precision(), m.recall(), m.f1()));
        });
        md.append("\nCalibration order (mean score per tier; must fall monotonically "
                + "STRONG-match > MEDIUM-match > WEAK-match > WEAK-non-match > MEDIUM-non-match > STRONG-non-match):\n\n");
        List<double[]> means = new ArrayList<>();
        StringBuilder order = new StringBuilder();
        for (String[] tier : new String[][] {{"STRONG", "true"}, {"MEDIUM", "true"}, {"WEAK", "true"},
                {"WEAK", "false"}, {"MEDIUM", "false"}, {"STRONG", "false"}}) {
            double mean = cases.stream().filter(c -> c.quality().equals(tier[0])
                    && c.match() == Boolean.parseBoolean(tier[1])).mapToDouble(NameBench.Case::score).average().orElse(0);
            means.add(new double[] {mean});
            order.append(String.format(Locale.ROOT, "| %s-%s | %.3f |%n", tier[0],
                    tier[1].equals("true") ? "match" : "non-match", mean));
        }
        boolean monotonic = true;
        for (int i = 1; i < means.size(); i++) {
            monotonic &= means.get(i)[0] <= means.get(i - 1)[0];
        }
        md.append("| tier | mean score |\n| --- | ---: |\n").append(order)
                .append("\nMonotonic: **").append(monotonic ? "yes" : "no").append("**\n\n");
        List<NameBench.Case> strong = NameBench.strongFailures(cases, threshold);
        md.append("STRONG-tier failures at the threshold: **").append(strong.size()).append("**\n\n");
        strong.forEach(c -> md.append(String.format(Locale.ROOT, "- line %d %s: '%s' vs '%s' labelled %s, score %.3f%n",
                c.line(), c.schema(), c.name1(), c.name2(), c.match() ? "match" : "non-match", c.score())));
        md.append("\nAll wrong decisions at the threshold (for review):\n\n<details><summary>list</summary>\n\n");
        cases.stream().filter(c -> (c.score() >= threshold) != c.match()).forEach(c -> md.append(String.format(
                Locale.ROOT, "- %s %.3f %s: '%s' vs '%s' (%s %s)%n", c.match() ? "FN" : "FP", c.score(), c.schema(),
                c.name1(), c.name2(), c.quality(), c.category())));
        md.append("\n</details>\n\n");

        // 3. UN positives
        ListVersion un = versions.stream().filter(v -> v.source().equals("UN-SC")).findFirst().orElseThrow();
        ScreeningIndex unIndex = ScreeningIndex.build(List.of(un), config);
        List<Screenings.Person> untreated = Screenings.people(eval.resolve("yente_positives_un_sc_untreated.csv"), 1);
        List<Screenings.Person> treated = Screenings.people(eval.resolve("yente_positives_un_sc_treated_typos.csv"), 1);
        md.append("## 3. yente UN positives (").append(untreated.size()).append(" persons)\n\n");
        md.append("Screened against the UN list. The expected entry of each row is found by plain-text equality of "
                + "the untreated name with a listed UN name (birth year breaks ties), independently of the matcher; "
                + "rows with no such entry (names no longer on the 2026-02-27 list) are not counted.\n\n");
        md.append("| set | query | resolved | recall@1 | recall@5 | recall at threshold | mean rank (6 = not in top 5) |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (boolean qualifiers : new boolean[] {false, true}) {
            for (var entry : List.of(Map.entry("untreated", untreated), Map.entry("treated", treated))) {
                Screenings.Recall r = Screenings.unRecall(un, unIndex, untreated, entry.getValue(), qualifiers);
                md.append(String.format(Locale.ROOT, "| %s | %s | %d / %d | %.3f | %.3f | %.3f | %.2f |%n",
                        entry.getKey(), qualifiers ? "name + birth date + nationality" : "name only", r.resolved(),
                        r.rows(), r.recallAt1(), r.recallAt5(), r.recallAtThreshold(), r.meanRank()));
            }
        }
        md.append("\n");

        // 4. negatives
        md.append(negatives.full() ? "## 4. Synthetic negatives (yente, 2 x 50,000 persons)\n\n"
                : "## 4. Synthetic negatives (yente, in-repo extracts: every 50th of 2 x 50,000 persons)\n\n");
        md.append("Screened as persons against all bundled lists (").append(index.entryCount())
                .append(" entries). Goal: at most 0.5 alerts per 100 screened (500 per 100,000).")
                .append(stride > 1 ? " Every " + stride + "th row only (--stride)." : "").append("\n\n");
        md.append("| set | query | screened | alerts | alerts per 100,000 | top-score histogram (0.0-0.1 ... 1.0) |\n");
        md.append("| --- | --- | ---: | ---: | ---: | --- |\n");
        List<String> examples = new ArrayList<>();
        for (String set : List.of("global", "us")) {
            List<Screenings.Person> people = Screenings.people(set.equals("global") ? negatives.global() : negatives.us(),
                    stride);
            for (boolean qualifiers : new boolean[] {false, true}) {
                long q0 = System.nanoTime();
                Screenings.FalseAlerts fa = Screenings.negatives(index, people, qualifiers);
                long q1 = System.nanoTime();
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.0f | %s |%n", set,
                        qualifiers ? "name + birth date + nationality" : "name only", fa.screened(), fa.alerted(),
                        fa.per100k(), java.util.Arrays.toString(fa.topScoreHistogram())));
                if (!qualifiers) {
                    fa.examples().forEach(e -> examples.add(set + ": " + e));
                }
                System.out.printf(Locale.ROOT, "negatives %s %s: %d queries in %.1f s%n", set, qualifiers, people.size(),
                        (q1 - q0) / 1e9);
            }
        }
        md.append("\nFirst false alerts (name only), for review:\n\n");
        examples.forEach(e -> md.append("- ").append(e).append('\n'));
        md.append("\n");

        // 5. cross-script and OFAC-style
        md.append("## 5. Cross-script pairs (watchman) and OFAC-style cases (watchman-java)\n\n");
        List<Screenings.CrossScript> cross = Screenings.crossScript(eval.resolve("watchman_cross_script_pairs.csv"), matcher);
        long crossPass = cross.stream().filter(c -> c.score() >= c.minimum()).count();
        long crossAlert = cross.stream().filter(c -> c.score() >= threshold).count();
        md.append(String.format(Locale.ROOT, "Cross-script: %d of %d pairs reach watchman's minimum (set for its "
                + "embedding model); %d reach our alert threshold. ICU transliteration cannot give Korean readings "
                + "of Han characters or Japanese readings of kanji; those pairs fail by design.%n%n", crossPass,
                cross.size(), crossAlert));
        md.append("| query | expected | watchman minimum | score |\n| --- | --- | ---: | ---: |\n");
        cross.forEach(c -> md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.3f |%n", c.query(), c.expected(),
                c.minimum(), c.score())));
        List<Screenings.OfacCase> ofac = Screenings.ofacCases(eval.resolve("watchman_java_ofac_test_cases.csv"), index);
        long must = ofac.stream().filter(c -> c.expected().startsWith("must")).count();
        long mustPassed = ofac.stream().filter(c -> c.expected().startsWith("must") && c.passed()).count();
        long should = ofac.stream().filter(c -> c.expected().equals("should_alert")).count();
        long shouldPassed = ofac.stream().filter(c -> c.expected().equals("should_alert") && c.passed()).count();
        md.append(String.format(Locale.ROOT, "%nOFAC-style cases against all bundled lists: must_alert / must_not_alert "
                + "%d of %d correct; should_alert %d of %d alert.%n%n", mustPassed, must, shouldPassed, should));
        md.append("| id | value | expected | alerted | top score | top match |\n| --- | --- | --- | --- | ---: | --- |\n");
        ofac.forEach(c -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s%s | %.3f | %s |%n", c.id(),
                c.value(), c.expected(), c.alerted() ? "yes" : "no", c.passed() ? "" : " **(fails)**", c.top(),
                c.topMatch())));

        // 6. spyware sector
        md.append("\n## 6. Spyware-sector variants\n\n| query | kind | expected | alerted | top match |\n| --- | --- | --- | --- | --- |\n");
        for (Screenings.Variant v : Screenings.SPYWARE_VARIANTS) {
            ScreeningResult r = index.search(ScreeningQuery.of(v.query(), v.kind()));
            String top = r.matches().isEmpty() ? "-" : String.format(Locale.ROOT, "%s %s '%s' %.3f",
                    r.matches().get(0).source(), r.matches().get(0).entryId(), r.matches().get(0).matchedName(),
                    r.matches().get(0).score());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s%s | %s |%n", v.query(), v.kind(),
                    v.mustAlert() ? "alert" : "no alert", r.alerted() ? "yes" : "no",
                    r.alerted() == v.mustAlert() ? "" : " **(fails)**", top));
        }
        return md.toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
