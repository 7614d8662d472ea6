package org.pallas.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives the shipped {@code countries.csv} from the public source files in
 * {@code policy-core/src/test/data/countries} (their latest year; the full files give the same result): the
 * WGI rule-of-law and voice-and-accountability percentile ranks of the latest WGI year and the V-Dem ERT regime type and
 * autocratization-episode flag of the latest ERT year per ISO country, joined through {@code code-aliases.csv}. Run it with
 * {@code java -cp policy-core/target/classes org.pallas.policy.CountryDataDerivation policy-core/src/test/data/countries
 * policy-core/src/main/resources/org/pallas/policy/countries.csv}; {@code CountryDataDerivationTest} fails when the
 * shipped file differs from a fresh derivation.
 */
public final class CountryDataDerivation {

    static final String HEADER =
            "iso2,iso3,name,wgi_year,rule_of_law_pct,voice_accountability_pct,vdem_year,regime,autocratizing";

    private CountryDataDerivation() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println(
                    "usage: CountryDataDerivation <folder with country-codes.csv, wgidataset.csv and ert.csv>"
                            + " <output countries.csv>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), derive(Path.of(args[0])), StandardCharsets.UTF_8);
    }

    private record Alias(String iso3, String iso2) {}

    private record Latest(int year, String value) {}

    public static String derive(Path countriesFolder) throws IOException {
        Map<String, Map<String, Alias>> aliases = new HashMap<>();
        for (Csv.Row row : Csv.resource("code-aliases.csv")) {
            aliases.computeIfAbsent(row.get("system"), k -> new HashMap<>())
                    .put(row.get("code"), new Alias(row.get("iso3"), row.get("iso2")));
        }
        Map<String, String[]> iso = new TreeMap<>();
        for (Csv.Row row : read(countriesFolder.resolve("country-codes.csv"))) {
            String iso2 = row.get("ISO3166-1-Alpha-2");
            String iso3 = row.get("ISO3166-1-Alpha-3");
            if (iso2.isEmpty() || iso3.isEmpty()) {
                throw new IllegalArgumentException("country-codes.csv:" + row.line() + ": missing ISO code");
            }
            String name =
                    row.get("CLDR display name").isEmpty() ? row.get("official_name_en") : row.get("CLDR display name");
            iso.put(iso3, new String[] {iso2, name});
        }
        for (Map.Entry<String, Alias> extra :
                aliases.getOrDefault("ISO", Map.of()).entrySet()) {
            iso.put(extra.getValue().iso3(), new String[] {extra.getValue().iso2(), "Kosovo"});
        }

        Map<String, Latest> ruleOfLaw = new HashMap<>();
        Map<String, Latest> voice = new HashMap<>();
        List<Csv.Row> wgi = read(countriesFolder.resolve("wgidataset.csv"));
        String wgiLatest = latestYear(wgi);
        for (Csv.Row row : wgi) {
            if (!row.get("year").equals(wgiLatest)) {
                continue;
            }
            String indicator = row.get("indicator");
            Map<String, Latest> target = indicator.equals("rl") ? ruleOfLaw : indicator.equals("va") ? voice : null;
            String pct = row.get("pctrank");
            if (target == null || pct.equals("..") || pct.isEmpty()) {
                continue;
            }
            String iso3 = toIso3("WGI", row.get("code"), iso, aliases, "wgidataset.csv:" + row.line());
            if (iso3 != null) {
                keepLatest(target, iso3, Integer.parseInt(row.get("year")), pct);
            }
        }

        Map<String, Latest> regime = new HashMap<>();
        Map<String, Latest> autocratizing = new HashMap<>();
        List<Csv.Row> ert = read(countriesFolder.resolve("ert.csv"));
        String ertLatest = latestYear(ert);
        for (Csv.Row row : ert) {
            String value = row.get("v2x_regime");
            if (!row.get("year").equals(ertLatest) || value.equals("NA")) {
                continue;
            }
            String iso3 = toIso3("VDEM", row.get("country_text_id"), iso, aliases, "ert.csv:" + row.line());
            if (iso3 != null) {
                int year = Integer.parseInt(row.get("year"));
                keepLatest(regime, iso3, year, value);
                keepLatest(autocratizing, iso3, year, row.get("aut_ep").equals("1") ? "true" : "false");
            }
        }

        Map<String, String> lines = new TreeMap<>();
        for (Map.Entry<String, String[]> country : iso.entrySet()) {
            String iso3 = country.getKey();
            Latest rl = ruleOfLaw.get(iso3);
            Latest va = voice.get(iso3);
            Latest reg = regime.get(iso3);
            Latest aut = autocratizing.get(iso3);
            int wgiYear = Math.max(rl == null ? 0 : rl.year(), va == null ? 0 : va.year());
            List<String> fields = new ArrayList<>(List.of(
                    country.getValue()[0],
                    iso3,
                    Csv.field(country.getValue()[1]),
                    wgiYear == 0 ? "" : Integer.toString(wgiYear),
                    rl == null ? "" : rl.value(),
                    va == null ? "" : va.value(),
                    reg == null ? "" : Integer.toString(reg.year()),
                    reg == null ? "" : reg.value(),
                    aut == null ? "" : aut.value()));
            lines.put(country.getValue()[0], String.join(",", fields));
        }
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        lines.values().forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static List<Csv.Row> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Csv.read(in, file.getFileName().toString());
        }
    }

    /** Only the latest edition year is shipped: older values would mix editions silently. */
    private static String latestYear(List<Csv.Row> rows) {
        return Integer.toString(rows.stream()
                .mapToInt(r -> Integer.parseInt(r.get("year")))
                .max()
                .orElseThrow(() -> new IllegalArgumentException("no rows")));
    }

    private static void keepLatest(Map<String, Latest> target, String iso3, int year, String value) {
        Latest current = target.get(iso3);
        if (current == null || year > current.year()) {
            target.put(iso3, new Latest(year, value));
        }
    }

    /** Null for a code the alias table deliberately leaves unmapped; an unknown code is an error, never skipped. */
    private static String toIso3(
            String system,
            String code,
            Map<String, String[]> iso,
            Map<String, Map<String, Alias>> aliases,
            String where) {
        Alias alias = aliases.getOrDefault(system, Map.of()).get(code);
        if (alias != null) {
            return alias.iso3().isEmpty() ? null : alias.iso3();
        }
        if (iso.containsKey(code.toUpperCase(Locale.ROOT))) {
            return code;
        }
        throw new IllegalArgumentException(
                where + ": code " + code + " is neither ISO 3166-1 alpha-3 nor in " + "code-aliases.csv");
    }
}
