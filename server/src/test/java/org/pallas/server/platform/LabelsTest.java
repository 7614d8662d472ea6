package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pallas.policy.AdviserTeam;

/** Codes read as words in pages; anything that is not a code is left alone. */
class LabelsTest {

    private final Labels labels = new Labels();

    enum Sample {
        AWAITING_COUNTERSIGNATURE,
        HARD_STOP
    }

    @Test
    void codesReadInSentenceCase() {
        assertThat(labels.of(Sample.AWAITING_COUNTERSIGNATURE)).isEqualTo("Awaiting countersignature");
        assertThat(labels.of(Sample.HARD_STOP)).isEqualTo("Hard stop");
        assertThat(labels.of("PRESUMPTION_OF_DENIAL")).isEqualTo("Presumption of denial");
        assertThat(labels.of("PENETRATION_TESTING")).isEqualTo("Penetration testing");
        assertThat(labels.of(AdviserTeam.HUMAN_RIGHTS)).isEqualTo("Human rights");
    }

    @Test
    void textThatIsNotACodeAndMissingValuesAreShownAsTheyAre() {
        assertThat(labels.of("All routes")).isEqualTo("All routes");
        assertThat(labels.of("licensing.case.submitted")).isEqualTo("licensing.case.submitted");
        assertThat(labels.of(null)).isEqualTo("—");
    }

    @Test
    void countryCodesReadAsEnglishNamesAndUnknownCodesStay() {
        assertThat(labels.country("DE")).isEqualTo("Germany");
        assertThat(labels.country("XK")).isEqualTo("Kosovo");
        assertThat(labels.country("AE")).isEqualTo("United Arab Emirates");
        assertThat(labels.country("QQ")).isEqualTo("QQ");
        assertThat(labels.countries(List.of("US", "DE", "FR"))).isEqualTo("France, Germany, United States");
    }

    @Test
    void periodsReadAsWords() {
        assertThat(labels.period(Period.ofMonths(1))).isEqualTo("1 month");
        assertThat(labels.period("P3M")).isEqualTo("3 months");
        assertThat(labels.period(Period.ofYears(1))).isEqualTo("1 year");
        assertThat(labels.period("P1Y6M")).isEqualTo("1 year and 6 months");
        assertThat(labels.period("P1Y2M3D")).isEqualTo("1 year, 2 months and 3 days");
        assertThat(labels.period(Period.ofDays(30))).isEqualTo("30 days");
        assertThat(labels.period("every so often")).as("not a period").isEqualTo("every so often");
    }

    @Test
    void aDayIsTheUtcDateOfTheInstant() {
        assertThat(labels.day(Instant.parse("2026-12-07T23:30:00Z"))).isEqualTo("2026-12-07");
        assertThat(labels.day(null)).isEqualTo("—");
    }
}
