package org.pallas.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shipped country tables: {@code countries.csv} (WGI + V-Dem ERT, derived by {@link CountryDataDerivation}),
 * {@code us-country-groups.csv} (US-CG-D1, US-CG-D5, US-CG-E), {@code embargoes.csv} and {@code commitments.csv}
 * (JS-SIGN, ECHRI-SIGN). Attribution is in {@code SOURCES.md} next to the files.
 */
public final class CountryData {

    static final List<String> FILES =
            List.of("countries.csv", "code-aliases.csv", "us-country-groups.csv", "embargoes.csv", "commitments.csv");

    private final Map<String, CountryIndicators> byIso2;

    private CountryData(Map<String, CountryIndicators> byIso2) {
        this.byIso2 = Collections.unmodifiableMap(byIso2);
    }

    public static CountryData shipped() {
        Map<String, Set<String>> groups = new HashMap<>();
        for (Csv.Row row : Csv.resource("us-country-groups.csv")) {
            groups.computeIfAbsent(row.get("iso2"), k -> new TreeSet<>()).add(row.get("group"));
        }
        Map<String, List<Embargo>> embargoes = new HashMap<>();
        for (Csv.Row row : Csv.resource("embargoes.csv")) {
            Embargo embargo;
            try {
                embargo = new Embargo(
                        row.get("iso2"),
                        row.get("imposer"),
                        Embargo.Scope.valueOf(row.get("scope")),
                        row.get("legal_act"),
                        LocalDate.parse(row.get("adopted")),
                        row.get("source_url"));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("embargoes.csv:" + row.line() + ": " + e.getMessage(), e);
            }
            embargoes.computeIfAbsent(embargo.iso2(), k -> new ArrayList<>()).add(embargo);
        }
        Map<String, Set<String>> commitments = new HashMap<>();
        for (Csv.Row row : Csv.resource("commitments.csv")) {
            commitments.computeIfAbsent(row.get("iso2"), k -> new TreeSet<>()).add(row.get("rule_id"));
        }
        Map<String, CountryIndicators> countries = new TreeMap<>();
        for (Csv.Row row : Csv.resource("countries.csv")) {
            String iso2 = row.get("iso2");
            countries.put(
                    iso2,
                    new CountryIndicators(
                            iso2,
                            row.get("iso3"),
                            row.get("name"),
                            integer(row.get("wgi_year")),
                            decimal(row.get("rule_of_law_pct")),
                            decimal(row.get("voice_accountability_pct")),
                            integer(row.get("vdem_year")),
                            integer(row.get("regime")),
                            row.get("autocratizing").isEmpty() ? null : Boolean.valueOf(row.get("autocratizing")),
                            groups.getOrDefault(iso2, Set.of()),
                            embargoes.getOrDefault(iso2, List.of()),
                            commitments.getOrDefault(iso2, Set.of())));
        }
        for (String iso2 : union(groups.keySet(), embargoes.keySet(), commitments.keySet())) {
            if (!countries.containsKey(iso2)) {
                throw new IllegalStateException("country table references unknown ISO code " + iso2);
            }
        }
        return new CountryData(countries);
    }

    /** The indicators for an ISO 3166-1 alpha-2 code; an unknown code yields a record with every indicator null. */
    public CountryIndicators get(String iso2) {
        String code = iso2 == null ? "" : iso2.toUpperCase(Locale.ROOT);
        CountryIndicators found = byIso2.get(code);
        return found != null ? found : CountryIndicators.unknown(code);
    }

    public boolean contains(String iso2) {
        return iso2 != null && byIso2.containsKey(iso2.toUpperCase(Locale.ROOT));
    }

    public int size() {
        return byIso2.size();
    }

    private static Set<String> union(Set<String> a, Set<String> b, Set<String> c) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    private static Integer integer(String value) {
        return value.isEmpty() ? null : Integer.valueOf(value);
    }

    private static Double decimal(String value) {
        return value.isEmpty() ? null : Double.valueOf(value);
    }
}
