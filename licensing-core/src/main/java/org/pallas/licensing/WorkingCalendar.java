package org.pallas.licensing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Working days: Monday to Friday except the calendar's holidays. The calendar knows which years its holiday list
 * covers and refuses to answer outside them, so a missing year cannot silently shorten every SLA count.
 */
public final class WorkingCalendar {

    public static final String ENGLAND_AND_WALES_RESOURCE = "bank-holidays-england-and-wales.csv";

    private final String name;
    private final TreeMap<LocalDate, String> holidays;
    private final int firstYear;
    private final int lastYear;
    private final LocalDate firstDay;
    /** workingDaysUpTo[i]: working days from the first covered day up to and including day i; O(1) range counts. */
    private final int[] workingDaysUpTo;

    /** A calendar covering {@code firstYear..lastYear}; every holiday must fall in those years. */
    public WorkingCalendar(String name, Map<LocalDate, String> holidays, int firstYear, int lastYear) {
        if (firstYear > lastYear) {
            throw new IllegalArgumentException(name + ": first year " + firstYear + " is after last year " + lastYear);
        }
        this.name = name;
        this.holidays = new TreeMap<>(holidays);
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.holidays.keySet().stream()
                .filter(d -> d.getYear() < firstYear || d.getYear() > lastYear)
                .findFirst()
                .ifPresent(d -> {
                    throw new IllegalArgumentException(
                            name + ": holiday " + d + " is outside " + firstYear + "-" + lastYear);
                });
        this.firstDay = LocalDate.of(firstYear, 1, 1);
        int days = (int) ChronoUnit.DAYS.between(firstDay, LocalDate.of(lastYear + 1, 1, 1));
        this.workingDaysUpTo = new int[days];
        int count = 0;
        for (int i = 0; i < days; i++) {
            LocalDate d = firstDay.plusDays(i);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY
                    && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.containsKey(d)) {
                count++;
            }
            workingDaysUpTo[i] = count;
        }
    }

    /** England and Wales bank holidays 2025–2027 as shipped (see SOURCES.md beside the CSV). */
    public static WorkingCalendar englandAndWales() {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(ENGLAND_AND_WALES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource " + ENGLAND_AND_WALES_RESOURCE + " is missing from the classpath");
            }
            return parse(
                    "England and Wales", new InputStreamReader(in, StandardCharsets.UTF_8), ENGLAND_AND_WALES_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code date,title} lines after a {@code date,title} header; {@code #} lines are comments. The covered
     * years are those from the first to the last holiday. Errors name the source and line.
     */
    public static WorkingCalendar parse(String name, Reader csv, String source) throws IOException {
        Map<LocalDate, String> holidays = new TreeMap<>();
        BufferedReader reader = new BufferedReader(csv);
        boolean header = false;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String where = source + " line " + lineNumber;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.strip().equals("date,title")) {
                    throw new IllegalArgumentException(
                            where + ": expected the header 'date,title', found '" + line + "'");
                }
                header = true;
                continue;
            }
            int comma = line.indexOf(',');
            if (comma < 0 || line.substring(comma + 1).isBlank()) {
                throw new IllegalArgumentException(where + ": expected 'date,title', found '" + line + "'");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(line.substring(0, comma).strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        where + ": '" + line.substring(0, comma) + "' is not an ISO date (yyyy-mm-dd)");
            }
            if (holidays.put(date, line.substring(comma + 1).strip()) != null) {
                throw new IllegalArgumentException(where + ": " + date + " is listed twice");
            }
        }
        if (holidays.isEmpty()) {
            throw new IllegalArgumentException(source + ": no holidays listed");
        }
        TreeMap<LocalDate, String> sorted = new TreeMap<>(holidays);
        return new WorkingCalendar(
                name, sorted, sorted.firstKey().getYear(), sorted.lastKey().getYear());
    }

    public String name() {
        return name;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    public Map<LocalDate, String> holidays() {
        return Collections.unmodifiableSortedMap(holidays);
    }

    public Optional<String> holiday(LocalDate date) {
        requireCovered(date);
        return Optional.ofNullable(holidays.get(date));
    }

    public boolean isWorkingDay(LocalDate date) {
        int i = index(date);
        return workingDaysUpTo[i] > (i == 0 ? 0 : workingDaysUpTo[i - 1]);
    }

    /** Working days after {@code from} up to and including {@code to}; zero when {@code to} is not after {@code from}. */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return workingDaysUpTo[index(to)] - workingDaysUpTo[index(from)];
    }

    private int index(LocalDate date) {
        requireCovered(date);
        return (int) ChronoUnit.DAYS.between(firstDay, date);
    }

    private void requireCovered(LocalDate date) {
        if (date.getYear() < firstYear || date.getYear() > lastYear) {
            throw new IllegalArgumentException("the " + name + " holiday calendar covers " + firstYear + "-" + lastYear
                    + " only; " + date + " is outside it (extend the calendar data)");
        }
    }
}
