package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Eligibility under published general-authorisation terms, and uses within a registration, with reasons. */
class GeneralAuthorisationEligibilityTest {

    private final GeneralAuthorisationTerms terms =
            GeneralAuthorisations.shipped().find("PALLAS-GA-DEMO-001").orElseThrow();

    private static GeneralAuthorisationEligibility.Scope scope(
            Set<String> entries, Set<String> destinations, Set<EndUserType> types, Set<Safeguard> safeguards) {
        return new GeneralAuthorisationEligibility.Scope(entries, destinations, types, safeguards);
    }

    private static final Set<Safeguard> ALL_REQUIRED = Set.of(
            Safeguard.AUDIT_RIGHTS, Safeguard.NO_ONWARD_TRANSFER, Safeguard.LOGGING, Safeguard.TERMINATION_ON_MISUSE);

    @Test
    void acceptsARegistrationWithinTheTerms() {
        assertThat(GeneralAuthorisationEligibility.register(
                        terms,
                        scope(
                                Set.of("4D004", "4D001.a"),
                                Set.of("NO", "JP"),
                                Set.of(EndUserType.COMMERCIAL),
                                ALL_REQUIRED)))
                .isEmpty();
    }

    @Test
    void refusesEachPartOutsideTheTermsCitingTheRuleIdsItRestsOn() {
        var reasons = GeneralAuthorisationEligibility.register(
                terms,
                scope(
                        Set.of("4D004", "5A004.b"),
                        Set.of("NO", "AE"),
                        Set.of(EndUserType.COMMERCIAL, EndUserType.GOVERNMENT),
                        Set.of(Safeguard.AUDIT_RIGHTS)));
        assertThat(reasons)
                .extracting(FieldError::field)
                .containsExactly(
                        "controlEntries", "destinations", "endUserTypes", "safeguards", "safeguards", "safeguards");
        assertThat(reasons.get(0).message())
                .isEqualTo(
                        "5A004.b is not covered by PALLAS-GA-DEMO-001 (EU-LIC-UGEA, EU-LIC-UGEA-X, PMP-COP-LEGITSEC; unverified)");
        assertThat(reasons.get(1).message()).startsWith("AE is not a destination of PALLAS-GA-DEMO-001 (EU-LIC-UGEA");
        assertThat(reasons.get(2).message()).startsWith("GOVERNMENT end users are not covered");
        assertThat(reasons).extracting(FieldError::message).allMatch(m -> m.contains("EU-LIC-UGEA"));
    }

    @Test
    void refusesAnEmptyRegistrationFieldByField() {
        var reasons =
                GeneralAuthorisationEligibility.register(terms, scope(Set.of(), Set.of(), Set.of(), ALL_REQUIRED));
        assertThat(reasons)
                .extracting(FieldError::field)
                .containsExactly("controlEntries", "destinations", "endUserTypes");
    }

    @Test
    void aUseMustFallWithinTheRegistrationAndHaveHappenedAfterIt() {
        var registered = scope(Set.of("4D004"), Set.of("NO"), Set.of(EndUserType.COMMERCIAL), ALL_REQUIRED);
        LocalDate today = LocalDate.of(2026, 11, 27);
        LocalDate registeredOn = LocalDate.of(2026, 11, 1);
        var ok = new GeneralAuthorisationEligibility.Use(
                LocalDate.of(2026, 11, 20),
                "NO",
                "Nordsjø Bank ASA",
                EndUserType.COMMERCIAL,
                "4D004",
                2,
                "Two seats for the red team");
        assertThat(GeneralAuthorisationEligibility.use(terms, registered, ok, today, registeredOn))
                .isEmpty();
        var outside = new GeneralAuthorisationEligibility.Use(
                LocalDate.of(2026, 10, 20), "JP", "", EndUserType.GOVERNMENT, "4A005", 0, " ");
        assertThat(GeneralAuthorisationEligibility.use(terms, registered, outside, today, registeredOn))
                .extracting(FieldError::field)
                .containsExactly(
                        "usedOn",
                        "destination",
                        "endUserName",
                        "endUserType",
                        "controlEntry",
                        "quantity",
                        "description");
        var future = new GeneralAuthorisationEligibility.Use(
                LocalDate.of(2026, 11, 28), "NO", "Nordsjø Bank ASA", EndUserType.COMMERCIAL, "4D004", 1, "Seat");
        assertThat(GeneralAuthorisationEligibility.use(terms, registered, future, today, registeredOn))
                .extracting(FieldError::message)
                .containsExactly("a use is reported after it happened, not before");
    }
}
