package org.pallas.policy;

import java.util.List;
import java.util.Set;

/** One curated record of documented misuse (regulation.md section 6), with its sources and confidence. */
public record MisuseCase(
        String id,
        String years,
        String vendor,
        List<String> families,
        Set<String> operatorCountries,
        Set<Party.EndUserType> endUserTypes,
        List<String> victims,
        MisuseMatch.Confidence confidence,
        String summary,
        List<String> sources) {

    public MisuseCase {
        families = List.copyOf(families);
        operatorCountries = Set.copyOf(operatorCountries);
        endUserTypes = Set.copyOf(endUserTypes);
        victims = List.copyOf(victims);
        sources = List.copyOf(sources);
    }
}
