package org.pallas.server.screening;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pallas.screening.EntryKind;
import org.pallas.screening.PartialDate;
import org.pallas.screening.ScreeningQuery;
import org.pallas.server.platform.InvalidInputException;

/** Turns API and form input into a core {@link ScreeningQuery}, naming the field that is wrong. */
final class Queries {

    private static final Map<String, String> ALPHA3 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            ALPHA3.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
    }

    private Queries() {}

    static ScreeningQuery query(
            String name, String kind, String country, String birthDate, List<String> identifiers, int limit) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "Enter a name to screen");
        }
        if (name.length() > 500) {
            throw new InvalidInputException("name", "Name must be 500 characters or fewer");
        }
        EntryKind entryKind;
        try {
            entryKind = EntryKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "Kind must be person, organisation, vessel, aircraft or any");
        }
        PartialDate date = null;
        if (birthDate != null && !birthDate.isBlank()) {
            try {
                date = PartialDate.parse(birthDate);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "birthDate", "Birth or incorporation date must be YYYY, YYYY-MM or YYYY-MM-DD");
            }
        }
        if (limit < 1 || limit > ScreeningQuery.MAX_LIMIT) {
            throw new InvalidInputException("limit", "Limit must be between 1 and " + ScreeningQuery.MAX_LIMIT);
        }
        List<String> ids = identifiers == null
                ? List.of()
                : identifiers.stream()
                        .filter(i -> i != null && !i.isBlank())
                        .map(String::strip)
                        .toList();
        return new ScreeningQuery(name.strip(), entryKind, alpha2(country), date, ids, limit);
    }

    /** ISO 3166 alpha-2 from alpha-2 or alpha-3; null for blank. */
    static String alpha2(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String c = country.strip().toUpperCase(Locale.ROOT);
        if (c.length() == 2 && c.chars().allMatch(Character::isLetter)) {
            return c;
        }
        String two = ALPHA3.get(c);
        if (two == null) {
            throw new InvalidInputException(
                    "country", "Country must be an ISO 3166 alpha-2 or alpha-3 code, got '" + country + "'");
        }
        return two;
    }
}
