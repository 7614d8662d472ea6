package org.pallas.policy;

import java.util.List;
import java.util.Set;

/**
 * What the assessment knows about one country. Percentile ranks run 0-100 (WGI); {@code regime} is the V-Dem
 * Regimes-of-the-World class (0 closed autocracy, 1 electoral autocracy, 2 electoral democracy, 3 liberal democracy).
 * Unknown values are null.
 */
public record CountryIndicators(
        String iso2,
        String iso3,
        String name,
        Integer wgiYear,
        Double ruleOfLawPercentile,
        Double voiceAccountabilityPercentile,
        Integer vdemYear,
        Integer regime,
        Boolean autocratizing,
        Set<String> usCountryGroups,
        List<Embargo> embargoes,
        Set<String> commitments) {

    public CountryIndicators {
        usCountryGroups = Set.copyOf(usCountryGroups);
        embargoes = List.copyOf(embargoes);
        commitments = Set.copyOf(commitments);
    }

    static CountryIndicators unknown(String iso2) {
        return new CountryIndicators(
                iso2, "", "unknown country " + iso2, null, null, null, null, null, null, Set.of(), List.of(), Set.of());
    }
}
