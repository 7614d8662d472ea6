package org.pallas.screening;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A party to screen: the shape of {@code POST /api/v1/screening/search}.
 *
 * @param name        the name as the customer wrote it (any script)
 * @param kind        person, organisation, vessel, aircraft or any
 * @param country     ISO 3166 alpha-2 (nationality or registration), or null
 * @param birthDate   birth or incorporation date at year, month or day precision, or null
 * @param identifiers passport, registration, tax, IMO, LEI ... numbers as given, any formatting
 * @param limit       the number of matches to return, 1 to 100
 */
public record ScreeningQuery(
        String name, EntryKind kind, String country, PartialDate birthDate, List<String> identifiers, int limit) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public ScreeningQuery {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (name.length() > 500) {
            throw new IllegalArgumentException("name is longer than 500 characters");
        }
        kind = Objects.requireNonNullElse(kind, EntryKind.ANY);
        if (country != null && !country.isBlank()) {
            country = country.strip().toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("country must be an ISO 3166 alpha-2 code, got '" + country + "'");
            }
        } else {
            country = null;
        }
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** A name-only query of the given kind. */
    public static ScreeningQuery of(String name, EntryKind kind) {
        return new ScreeningQuery(name, kind, null, null, List.of(), DEFAULT_LIMIT);
    }
}
