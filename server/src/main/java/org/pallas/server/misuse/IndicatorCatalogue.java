package org.pallas.server.misuse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped indicator catalogue: published STIX files of forensic labs (catalogue/SOURCES.md), read once with the
 * same reader as the reports, so a report's indicators can be matched against known spyware infrastructure.
 */
@Component
class IndicatorCatalogue {

    /** One published indicator file. */
    record Source(String file, String name, String publisher, String year) {
        String label() {
            return name + " (" + publisher + ", " + year + ")";
        }
    }

    static final List<Source> FILES = List.of(
            new Source("pegasus.stix2", "NSO Group Pegasus indicators", "Amnesty International Security Lab", "2021"),
            new Source("predator.stix2", "Intellexa Predator indicators", "MVT indicators", "2023"));

    private final Map<Indicator, Set<Source>> index = new HashMap<>();

    IndicatorCatalogue(JsonMapper json) {
        for (Source source : FILES) {
            try (InputStream in = IndicatorCatalogue.class.getResourceAsStream("catalogue/" + source.file())) {
                if (in == null) {
                    throw new IllegalStateException("missing catalogue file " + source.file());
                }
                StixBundles.Reading reading = StixBundles.read(json.readTree(in), source.file());
                if (reading.bundle() == null) {
                    throw new IllegalStateException(
                            "catalogue file " + source.file() + " is invalid: " + reading.problems());
                }
                reading.bundle()
                        .indicators()
                        .forEach(i -> index.computeIfAbsent(i, k -> new LinkedHashSet<>())
                                .add(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The catalogue files naming any of the indicators, with how many of them each names. */
    Map<Source, Integer> matches(List<Indicator> indicators) {
        Map<Source, Integer> found = new java.util.LinkedHashMap<>();
        for (Indicator i : indicators) {
            for (Source s : index.getOrDefault(i, Set.of())) {
                found.merge(s, 1, Integer::sum);
            }
        }
        return found;
    }

    List<Source> sources() {
        return new ArrayList<>(FILES);
    }
}
