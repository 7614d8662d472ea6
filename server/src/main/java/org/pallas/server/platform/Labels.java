package org.pallas.server.platform;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pallas.screening.InvisibleCharacters;
import org.springframework.stereotype.Component;

/**
 * The words pages and documents show for codes, which the API keeps: enum constants and code strings in sentence
 * case ({@code UNDER_REVIEW} reads "Under review"), ISO 3166 country codes as English names ({@code DE} reads
 * "Germany"), ISO 8601 periods in words ({@code P1M} reads "1 month"). Templates call it as
 * {@code ${@labels.of(c.status())}}.
 */
@Component("labels")
public class Labels {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Pages are in English; Locale.ROOT has no names for some codes in use (XK, Kosovo). */
    private static final Locale PAGES = Locale.ENGLISH;

    /** A code in words: {@code PRESUMPTION_OF_DENIAL} reads "Presumption of denial"; other text is kept; null is a dash. */
    public String of(Object code) {
        if (code == null) {
            return "—";
        }
        String text = code instanceof Enum<?> e ? e.name() : code.toString();
        if (!CODE.matcher(text).matches()) {
            return text;
        }
        String words = text.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /**
     * A name with its invisible characters shown, e.g. "Intel[U+200B]lexa": a zero-width or bidi control character
     * inserted into a name hides it from the eye, so caseworkers see it written out (issue 13, screening evasion).
     */
    public String revealed(String name) {
        return name == null ? "—" : InvisibleCharacters.reveal(name);
    }

    /** The English name of an ISO 3166-1 alpha-2 code; an unknown code stays as it is. */
    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "—";
        }
        String name = new Locale.Builder().setRegion(code.strip()).build().getDisplayCountry(PAGES);
        return name.isEmpty() || name.equalsIgnoreCase(code.strip()) ? code : name;
    }

    /** Country names, alphabetical, separated by commas. */
    public String countries(Collection<String> codes) {
        return String.join(
                ", ",
                codes.stream()
                        .map(this::country)
                        .sorted(Comparator.naturalOrder())
                        .toList());
    }

    /** A period in words: {@code P1M} "1 month", {@code P1Y6M} "1 year and 6 months", {@code P30D} "30 days". */
    public String period(Object period) {
        Period p;
        try {
            p = period instanceof Period given ? given : Period.parse(String.valueOf(period));
        } catch (DateTimeParseException e) {
            return String.valueOf(period);
        }
        List<String> parts = new ArrayList<>();
        count(parts, p.getYears(), "year");
        count(parts, p.getMonths(), "month");
        count(parts, p.getDays(), "day");
        if (parts.isEmpty()) {
            return "0 days";
        }
        return parts.size() == 1
                ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** The day of an instant (UTC, as the pages' times are), e.g. 2026-12-07; a dash for none. */
    public String day(Instant at) {
        return at == null ? "—" : at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static void count(List<String> parts, int n, String unit) {
        if (n != 0) {
            parts.add(n + " " + unit + (Math.abs(n) == 1 ? "" : "s"));
        }
    }
}
