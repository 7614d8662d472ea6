package org.pallas.screening.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pallas.screening.PartialDate;

/** The date spellings found in list files. */
final class ListDates {
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?:(\\d{1,2}) )?([A-Za-z]{3})[a-z]* (\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern US = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private ListDates() {}

    /** ISO "2024-03-05" or US "03/05/2024"; null for blank; IllegalArgumentException otherwise. */
    static LocalDate parseDay(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        Matcher us = US.matcher(t);
        try {
            if (us.matches()) {
                return LocalDate.of(
                        Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2)));
            }
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a date: '" + text + "'", e);
        }
    }

    /**
     * Birth dates as OFAC writes them: "21 Aug 1961", "Aug 1961", "1961", "circa 1961",
     * "1961 to 1963" (each year of a range up to ten years), ISO "1961-08-21".
     */
    static List<PartialDate> parseBirthDates(String text) {
        List<PartialDate> out = new ArrayList<>();
        String t = text.strip().replaceFirst("(?i)^circa ", "");
        try {
            if (t.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
                out.add(PartialDate.parse(t));
                return out;
            }
            String[] range = t.split(" to ");
            if (range.length == 2) {
                List<PartialDate> from = parseBirthDates(range[0]);
                List<PartialDate> to = parseBirthDates(range[1]);
                if (from.size() == 1
                        && to.size() == 1
                        && to.get(0).year() - from.get(0).year() <= 10) {
                    for (int y = from.get(0).year(); y <= to.get(0).year(); y++) {
                        out.add(new PartialDate(y, null, null));
                    }
                    return out;
                }
            }
            Matcher m = DAY_MONTH_YEAR.matcher(t);
            if (m.matches()) {
                int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
                if (month > 0) {
                    Integer day = m.group(1) == null ? null : Integer.parseInt(m.group(1));
                    out.add(new PartialDate(Integer.parseInt(m.group(3)), month, day));
                    return out;
                }
            }
            Matcher y = YEAR.matcher(t);
            if (y.find()) {
                out.add(new PartialDate(Integer.parseInt(y.group(1)), null, null));
            }
        } catch (IllegalArgumentException e) {
            // returned empty: the caller reports the text it could not read
            out.clear();
        }
        return out;
    }
}
