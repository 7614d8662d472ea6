package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pallas.licensing.Fixtures.RULES;
import static org.pallas.licensing.Fixtures.commercialEndUser;
import static org.pallas.licensing.Fixtures.endUser;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationRulesTest {

    private static List<String> fields(LicenceType type, ApplicationDetails details) {
        return RULES.validate(type, details).stream().map(FieldError::field).toList();
    }

    @Test
    void acceptsCompleteApplicationsOfEachType() {
        assertThat(RULES.validate(LicenceType.INDIVIDUAL, Fixtures.individual()))
                .isEmpty();
        assertThat(RULES.validate(LicenceType.OPEN, Fixtures.open())).isEmpty();
        assertThat(RULES.validate(LicenceType.GENERAL_REGISTRATION, Fixtures.generalRegistration()))
                .isEmpty();
    }

    @Test
    void reportsEveryMissingSectionOfAnEmptyDraftByField() {
        assertThat(fields(LicenceType.INDIVIDUAL, ApplicationDetails.empty()))
                .contains(
                        "products",
                        "destinations",
                        "endUseStatement",
                        "undertaking",
                        "safeguards",
                        "quantities",
                        "parties");
    }

    @Test
    void individualLicenceNeedsExactlyOneEndUser() {
        ApplicationDetails two = Fixtures.open();
        assertThat(RULES.validate(LicenceType.INDIVIDUAL, two))
                .containsExactly(
                        new FieldError("parties", "an individual licence names exactly one end user, found 2"));
    }

    @Test
    void openLicenceNeedsSeveralNamedEndUsers() {
        assertThat(fields(LicenceType.OPEN, Fixtures.individual())).containsExactly("parties");
    }

    @Test
    void governmentEndUserMustNameItsAgencyOrUnit() {
        Party noUnit = new Party("EU-1", PartyRole.END_USER, "Ministry", "DE", "Street 1", EndUserType.GOVERNMENT, " ");
        assertThat(fields(LicenceType.INDIVIDUAL, Fixtures.individual().withParties(List.of(noUnit))))
                .containsExactly("parties[0].agencyOrUnit");
    }

    @Test
    void endUserCountryMustBeADestination() {
        ApplicationDetails d = Fixtures.individual().withParties(List.of(endUser("EU-1", "FR")));
        assertThat(RULES.validate(LicenceType.INDIVIDUAL, d))
                .containsExactly(new FieldError(
                        "parties[0].countryCode", "end user's country FR is not among the destinations"));
    }

    @Test
    void rejectsCountryCodesThatAreNotIsoAlpha2() {
        ApplicationDetails d = Fixtures.individual()
                .withParties(List.of(endUser("EU-1", "DEU")))
                .withDestinations(Set.of("DE", "UK"));
        assertThat(fields(LicenceType.INDIVIDUAL, d)).contains("parties[0].countryCode", "destinations");
    }

    @Test
    void confirmedProductMustNameControlEntriesWhilePendingNeedNot() {
        Product confirmedEmpty = new Product("P-1", "Tool", ClassificationStatus.CONFIRMED, List.of());
        Product pending = new Product("P-2", "Tool 2", ClassificationStatus.PENDING, List.of());
        assertThat(fields(LicenceType.INDIVIDUAL, Fixtures.individual().withProducts(List.of(confirmedEmpty, pending))))
                .containsExactly("products[0].controlEntries");
    }

    @Test
    void rejectsDuplicatePartyAndProductIds() {
        Product p = Fixtures.individual().products().get(0);
        Party consignee = new Party("EU-1", PartyRole.CONSIGNEE, "Integrator", "DE", "Way 3", null, null);
        ApplicationDetails d = Fixtures.individual()
                .withProducts(List.of(p, p))
                .withParties(List.of(endUser("EU-1", "DE"), consignee));
        assertThat(fields(LicenceType.INDIVIDUAL, d)).containsExactly("products[1].productId", "parties[1].partyId");
    }

    @Test
    void undertakingMustBeAnAcceptedTypeWithinTheSizeLimitAndCarryADigest() {
        UndertakingDocument exe = new UndertakingDocument(
                "D", "application/x-msdownload", UndertakingDocument.MAX_SIZE_BYTES + 1, "not-hex");
        assertThat(fields(LicenceType.INDIVIDUAL, Fixtures.individual().withUndertaking(exe)))
                .containsExactly("undertaking.mediaType", "undertaking.sizeBytes", "undertaking.sha256");
    }

    @Test
    void onlyTheIndividualLicenceRequiresAnUndertaking() {
        assertThat(fields(LicenceType.INDIVIDUAL, Fixtures.individual().withUndertaking(null)))
                .containsExactly("undertaking");
        assertThat(fields(LicenceType.OPEN, Fixtures.open().withUndertaking(null)))
                .isEmpty();
    }

    @Test
    void quantitiesNeedASeatOrDeploymentAndABoundedSupportPeriod() {
        assertThat(fields(
                        LicenceType.INDIVIDUAL, Fixtures.individual().withQuantities(new QuantityModel(0, -1, 0, 61))))
                .containsExactly("quantities.concurrentTargets", "quantities", "quantities.updateAndSupportMonths");
    }

    @Test
    void generalRegistrationRejectsItemsDestinationsAndEndUsersOutsideThePublishedTerms() {
        ApplicationDetails d = Fixtures.generalRegistration()
                .withProducts(
                        List.of(new Product("P-1", "Spyware", ClassificationStatus.CONFIRMED, List.of("5A001.j"))))
                .withParties(List.of(endUser("EU-1", "AE")))
                .withDestinations(Set.of("AE"));
        assertThat(RULES.validate(LicenceType.GENERAL_REGISTRATION, d))
                .containsExactly(
                        new FieldError(
                                "products[0].controlEntries",
                                "5A001.j is not covered by general authorisation PALLAS-GA-DEMO-001"),
                        new FieldError(
                                "destinations", "AE is not a destination of general authorisation PALLAS-GA-DEMO-001"),
                        new FieldError(
                                "parties[0].endUserType",
                                "GOVERNMENT end users are not covered by general authorisation PALLAS-GA-DEMO-001"));
    }

    @Test
    void generalRegistrationNeedsConfirmedClassificationAndTheRequiredSafeguards() {
        ApplicationDetails d = Fixtures.generalRegistration()
                .withProducts(List.of(new Product("P-1", "Tool", ClassificationStatus.PENDING, List.of("4D004"))))
                .withSafeguards(EnumSet.of(Safeguard.AUDIT_RIGHTS, Safeguard.LOGGING, Safeguard.TERMINATION_ON_MISUSE));
        assertThat(RULES.validate(LicenceType.GENERAL_REGISTRATION, d))
                .containsExactly(
                        new FieldError(
                                "products[0].classification",
                                "general authorisation PALLAS-GA-DEMO-001 needs a confirmed classification"),
                        new FieldError(
                                "safeguards", "general authorisation PALLAS-GA-DEMO-001 requires NO_ONWARD_TRANSFER"));
    }

    @Test
    void generalRegistrationMustNameKnownTermsAndOtherTypesMustNot() {
        assertThat(RULES.validate(
                        LicenceType.GENERAL_REGISTRATION,
                        Fixtures.generalRegistration().withGeneralAuthorisationId("NOPE")))
                .containsExactly(new FieldError("generalAuthorisationId", "no published general authorisation NOPE"));
        assertThat(fields(
                        LicenceType.INDIVIDUAL, Fixtures.individual().withGeneralAuthorisationId("PALLAS-GA-DEMO-001")))
                .containsExactly("generalAuthorisationId");
    }

    @Test
    void generalRegistrationNeedNotNameAnEndUser() {
        ApplicationDetails d = Fixtures.generalRegistration().withParties(List.of());
        assertThat(RULES.validate(LicenceType.GENERAL_REGISTRATION, d)).isEmpty();
        assertThat(commercialEndUser("X", "GB").isEndUser()).isTrue();
    }
}
