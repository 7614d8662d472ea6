package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @Test
    void shippedBankHolidaysFollowTheRulesTheyArePublishedBy() {
        Set<LocalDate> expected = new TreeSet<>();
        for (int year = 2025; year <= 2027; year++) {
            expected.addAll(derivedBankHolidays(year));
        }
        assertThat(calendar.firstYear()).isEqualTo(2025);
        assertThat(calendar.lastYear()).isEqualTo(2027);
        assertThat(new TreeSet<>(calendar.holidays().keySet())).isEqualTo(expected);
    }

    @Test
    void weekendsAndBankHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 2))).isTrue(); // Thursday before Easter
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).isFalse(); // Good Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 4))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse(); // Easter Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse(); // Boxing Day substitute
        assertThat(calendar.holiday(LocalDate.of(2027, 12, 27))).contains("Christmas Day (substitute day)");
    }

    @Test
    void refusesToAnswerOutsideTheYearsItCovers() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2028, 1, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("covers 2025-2027 only; 2028-01-04 is outside it");
    }

    @Test
    void aConfiguredCalendarReplacesTheShippedHolidays() throws Exception {
        WorkingCalendar custom =
                WorkingCalendar.parse("Test", new StringReader("date,title\n2026-03-03,Founders' Day\n"), "test.csv");
        assertThat(custom.isWorkingDay(LocalDate.of(2026, 3, 3))).isFalse();
        assertThat(custom.isWorkingDay(LocalDate.of(2026, 4, 3))).isTrue();
    }

    @Test
    void parseErrorsNameTheSourceAndLine() {
        assertThatThrownBy(() ->
                        WorkingCalendar.parse("T", new StringReader("# c\ndate,title\n2026-02-30,Nope\n"), "h.csv"))
                .hasMessage("h.csv line 3: '2026-02-30' is not an ISO date (yyyy-mm-dd)");
        assertThatThrownBy(() -> WorkingCalendar.parse(
                        "T", new StringReader("date,title\n2026-01-01,A\n2026-01-01,B\n"), "h.csv"))
                .hasMessage("h.csv line 3: 2026-01-01 is listed twice");
        assertThatThrownBy(() -> WorkingCalendar.parse("T", new StringReader("2026-01-01,A\n"), "h.csv"))
                .hasMessageContaining("h.csv line 1: expected the header 'date,title'");
        assertThatThrownBy(() -> WorkingCalendar.parse("T", new StringReader("date,title\n2026-01-01\n"), "h.csv"))
                .hasMessageContaining("h.csv line 2: expected 'date,title'");
    }

    /**
     * England and Wales: New Year's Day, Good Friday, Easter Monday, first and last Monday of May, last Monday of
     * August, Christmas and Boxing Day, with the next free weekday substituted for a weekend.
     */
    private static Set<LocalDate> derivedBankHolidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        substitute(days, LocalDate.of(year, 1, 1));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        substitute(days, LocalDate.of(year, 12, 25));
        substitute(days, LocalDate.of(year, 12, 26));
        return days;
    }

    private static void substitute(Set<LocalDate> days, LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || days.contains(d)) {
            d = d.plusDays(1);
        }
        days.add(d);
    }

    /** The anonymous Gregorian computus (Meeus/Jones/Butcher). */
    private static LocalDate easterSunday(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(y, month, day);
    }

    @Test
    void countsWorkingDaysAfterOneDateUpToAnother() {
        // Thu 2 April 2026 to Tue 7 April: Good Friday, the weekend and Easter Monday drop out.
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 7)))
                .isEqualTo(1);
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 4, 7), LocalDate.of(2026, 4, 2)))
                .isZero();
        assertThat(calendar.workingDaysAfter(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)))
                .isEqualTo(countOneByOne(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)));
    }

    private int countOneByOne(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY
                    && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !calendar.holidays().containsKey(d)) {
                n++;
            }
        }
        return n;
    }
}
