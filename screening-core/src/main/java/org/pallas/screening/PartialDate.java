package org.pallas.screening;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to year, month or day precision ("1961", "1961-08", "1961-08-21"), as lists publish
 * birth dates.
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    public PartialDate {
        if (year < 1000 || year > 2999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (month == null && day != null) {
            throw new IllegalArgumentException("a day needs a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month out of range: " + month);
        }
        if (day != null) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("no such date: " + year + "-" + month + "-" + day, e);
            }
        }
    }

    /** Parses {@code YYYY[-MM[-DD]]}; throws IllegalArgumentException naming the bad text. */
    public static PartialDate parse(String text) {
        Matcher m = ISO.matcher(Objects.requireNonNull(text, "date").trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a date of the form YYYY[-MM[-DD]]: '" + text + "'");
        }
        return new PartialDate(
                Integer.parseInt(m.group(1)),
                m.group(2) == null ? null : Integer.parseInt(m.group(2)),
                m.group(3) == null ? null : Integer.parseInt(m.group(3)));
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** Whether two dates can denote the same day (agree on every field both know). */
    public boolean compatibleWith(PartialDate other) {
        if (year != other.year) {
            return false;
        }
        if (month == null || other.month == null) {
            return true;
        }
        if (!month.equals(other.month)) {
            return false;
        }
        return day == null || other.day == null || day.equals(other.day);
    }

    /** Whether both dates are known to the day and are that same day. */
    public boolean sameDay(PartialDate other) {
        return day != null && other.day != null && equals(other);
    }

    @Override
    public int compareTo(PartialDate o) {
        int c = Integer.compare(year, o.year);
        if (c == 0) {
            c = Integer.compare(month == null ? 0 : month, o.month == null ? 0 : o.month);
        }
        return c != 0 ? c : Integer.compare(day == null ? 0 : day, o.day == null ? 0 : o.day);
    }

    @Override
    public String toString() {
        if (month == null) {
            return String.valueOf(year);
        }
        return day == null
                ? String.format("%04d-%02d", year, month)
                : String.format("%04d-%02d-%02d", year, month, day);
    }
}
