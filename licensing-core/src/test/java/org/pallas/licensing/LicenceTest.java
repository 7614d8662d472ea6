package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pallas.licensing.Fixtures.CASEWORKER;
import static org.pallas.licensing.Fixtures.EXPORTER;
import static org.pallas.licensing.Fixtures.OTHER_CASEWORKER;
import static org.pallas.licensing.Fixtures.OTHER_EXPORTER;
import static org.pallas.licensing.Fixtures.SENIOR;
import static org.pallas.licensing.Fixtures.SYSTEM;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenceTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final List<ReportingDuty> DUTIES =
            List.of(new ReportingDuty("Report each deployment", Period.ofMonths(1)));

    private final TestClock clock = TestClock.at(2026, 3, 2);

    private Licence issued() {
        return Licence.issue(CASEWORKER, "L-1", Fixtures.approved(clock), START, DUTIES, clock);
    }

    @Test
    void issuesFromAnApprovalWithItsConditionsValidityQuantitiesAndDuties() {
        Licence l = issued();
        assertThat(l.status()).isEqualTo(LicenceStatus.ISSUED);
        assertThat(l.conditions()).containsExactly("Quarterly audit of operator logs");
        assertThat(l.validUntil()).isEqualTo(LocalDate.of(2028, 3, 1)); // two years, UK-LIC-SIEL
        assertThat(l.afterSalesUntil()).isEqualTo(LocalDate.of(2027, 3, 1)); // twelve months of updates and support
        assertThat(l.allowed()).containsEntry(UsageKind.DELIVERIES, 1L).containsEntry(UsageKind.SEATS_ACTIVATED, 5L);
        assertThat(l.reportingDuties()).isEqualTo(DUTIES);
        assertThat(l.caseOfficerId()).isEqualTo(CASEWORKER.id());
        assertThat(l.history()).singleElement().isInstanceOf(LicenceEvent.LicenceIssued.class);
    }

    @Test
    void openLicenceRunsThreeYears() {
        Case c = Fixtures.approved(clock, "C-2", LicenceType.OPEN, Fixtures.open(), CASEWORKER);
        Licence l = Licence.issue(CASEWORKER, "L-2", c, START, DUTIES, clock);
        assertThat(l.validUntil()).isEqualTo(LocalDate.of(2029, 3, 1));
        assertThat(l.destinations()).containsExactly("DE", "FR");
    }

    @Test
    void isNotIssuedForARefusalOrAnUndecidedCase() {
        assertThatThrownBy(() -> Licence.issue(CASEWORKER, "L-1", Fixtures.refused(clock), START, DUTIES, clock))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("outcome REFUSED");
        Case open = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        assertThatThrownBy(() -> Licence.issue(CASEWORKER, "L-1", open, START, DUTIES, clock))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("outcome none");
    }

    @Test
    void isIssuedAfterASuccessfulAppealWithTheAssessmentsSuggestedConditions() {
        Routing r = new Routing(
                AssessmentRoute.STANDARD, java.util.Set.of(), List.of("Log every operation"), List.of(), "A-3");
        Case c = Fixtures.underReview(clock, r);
        c.decide(CASEWORKER, Outcome.REFUSED, "risk", List.of(RefusalCriterion.UK_C7), List.of());
        c.appeal(EXPORTER, "grounds");
        c.assignAppealOfficer(SENIOR, OTHER_CASEWORKER.id());
        c.decideAppeal(OTHER_CASEWORKER, Outcome.APPROVED, "allowed");
        Licence l = Licence.issue(CASEWORKER, "L-3", c, START, DUTIES, clock);
        assertThat(l.conditions()).containsExactly("Log every operation");
        assertThat(l.history().get(0).change().reason()).isEqualTo("issued after appeal");
    }

    @Test
    void onlyCaseworkersIssue() {
        Case c = Fixtures.approved(clock);
        assertThatThrownBy(() -> Licence.issue(EXPORTER, "L-1", c, START, DUTIES, clock))
                .isInstanceOf(NotAuthorisedException.class);
    }

    @Test
    void usageIsRecordedAgainstTheAllowedQuantities() {
        Licence l = issued();
        LicenceEvent.UsageReported e = l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 3, START, "INV-7");
        assertThat(e.totalUsed()).isEqualTo(3);
        assertThat(l.used(UsageKind.SEATS_ACTIVATED)).isEqualTo(3);
        assertThat(l.usageReports())
                .singleElement()
                .extracting(UsageReport::reference)
                .isEqualTo("INV-7");
        assertThat(l.status()).isEqualTo(LicenceStatus.ISSUED);
    }

    @Test
    void useBeyondTheAllowedQuantityIsRefusedWithoutChangingTheLicence() {
        Licence l = issued();
        l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 4, START, null);
        assertThatThrownBy(() -> l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 2, START, null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(
                        "licence L-1 allows 5 SEATS_ACTIVATED; 4 are used and 2 more would exceed it; use beyond the"
                                + " licensed quantity is refused");
        assertThat(l.used(UsageKind.SEATS_ACTIVATED)).isEqualTo(4);
        assertThat(l.usageReports()).hasSize(1);
    }

    @Test
    void reachingEveryCappedQuantityExhaustsTheLicence() {
        Licence l = issued();
        l.reportUsage(EXPORTER, UsageKind.DELIVERIES, 1, START, null);
        LicenceEvent.UsageReported last = l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 5, START, null);
        assertThat(last.change().to()).isEqualTo(LicenceStatus.EXHAUSTED);
        assertThat(l.status()).isEqualTo(LicenceStatus.EXHAUSTED);
        assertThatThrownBy(() -> l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 1, START, null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("is EXHAUSTED");
    }

    @Test
    void updatesAndSupportContinueOnAnExhaustedLicenceUntilTheAfterSalesPeriodEnds() {
        Licence l = issued();
        l.reportUsage(EXPORTER, UsageKind.DELIVERIES, 1, START, null);
        l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 5, START, null);
        clock.setLondon(2027, 3, 10, 10);
        l.reportUsage(EXPORTER, UsageKind.UPDATES_PUSHED, 1, LocalDate.of(2027, 3, 1), "v2.1");
        assertThat(l.status()).isEqualTo(LicenceStatus.EXHAUSTED);
        assertThatThrownBy(() -> l.reportUsage(EXPORTER, UsageKind.SUPPORT_SESSIONS, 1, LocalDate.of(2027, 3, 2), null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("allows updates and support until 2027-03-01");
    }

    @Test
    void aZeroCapAllowsNoneOfThatKindAndDoesNotBlockExhaustion() {
        Case c = Fixtures.approved(
                clock,
                "C-3",
                LicenceType.INDIVIDUAL,
                Fixtures.individual().withQuantities(new QuantityModel(2, 1, 0, 0)),
                CASEWORKER);
        Licence l = Licence.issue(CASEWORKER, "L-4", c, START, DUTIES, clock);
        assertThatThrownBy(() -> l.reportUsage(EXPORTER, UsageKind.DELIVERIES, 1, START, null))
                .hasMessageContaining("allows 0 DELIVERIES");
        l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 2, START, null);
        assertThat(l.status()).isEqualTo(LicenceStatus.EXHAUSTED);
    }

    @Test
    void useMustBeDatedWithinTheValidityAndNotInTheFuture() {
        Licence l = issued();
        assertThatThrownBy(() -> l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 1, START.minusDays(1), null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("must lie between 2026-03-02 and today");
        assertThatThrownBy(() -> l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 1, START.plusDays(1), null))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 0, START, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheHolderReportsUseOrSurrenders() {
        Licence l = issued();
        assertThatThrownBy(() -> l.reportUsage(OTHER_EXPORTER, UsageKind.SEATS_ACTIVATED, 1, START, null))
                .isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> l.surrender(OTHER_EXPORTER, "not ours")).isInstanceOf(NotAuthorisedException.class);
        LicenceEvent.LicenceSurrendered e = l.surrender(EXPORTER, "contract ended");
        assertThat(e.change().to()).isEqualTo(LicenceStatus.SURRENDERED);
        assertThatThrownBy(() -> l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 1, START, null))
                .hasMessageContaining("is SURRENDERED");
    }

    @Test
    void suspendedLicenceRefusesUseUntilASeniorOfficerReinstatesIt() {
        Licence l = issued();
        l.suspend(CASEWORKER, "misuse report under investigation (UK-SUSPEND)");
        assertThatThrownBy(() -> l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 1, START, null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("is SUSPENDED");
        assertThatThrownBy(() -> l.reinstate(CASEWORKER, "cleared")).isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> l.suspend(CASEWORKER, "again")).isInstanceOf(IllegalTransitionException.class);
        l.reinstate(SENIOR, "report not substantiated");
        assertThat(l.status()).isEqualTo(LicenceStatus.REINSTATED);
        l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 1, START, null);
        assertThat(l.used(UsageKind.SEATS_ACTIVATED)).isEqualTo(1);
    }

    @Test
    void reinstatingAnExhaustedLicenceKeepsItExhausted() {
        Licence l = issued();
        l.reportUsage(EXPORTER, UsageKind.DELIVERIES, 1, START, null);
        l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 5, START, null);
        l.suspend(SENIOR, "investigation");
        assertThat(l.reinstate(SENIOR, "cleared").change().to()).isEqualTo(LicenceStatus.EXHAUSTED);
    }

    @Test
    void onlySeniorOfficersRevokeAndRevocationIsFinal() {
        Licence l = issued();
        assertThatThrownBy(() -> l.revoke(CASEWORKER, "x")).isInstanceOf(NotAuthorisedException.class);
        l.revoke(SENIOR, "end user sanctioned (UK-C1)");
        assertThat(l.status()).isEqualTo(LicenceStatus.REVOKED);
        assertThatThrownBy(() -> l.suspend(SENIOR, "x")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> l.surrender(EXPORTER, "x")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> l.reinstate(SENIOR, "x")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void expiresByTheInjectedClockAfterItsLastValidDay() {
        Licence l = issued();
        clock.setLondon(2028, 3, 1, 23);
        assertThat(l.expireIfDue(SYSTEM)).isEmpty();
        clock.setLondon(2028, 3, 2, 0);
        assertThatThrownBy(() -> l.reportUsage(EXPORTER, UsageKind.SEATS_ACTIVATED, 1, LocalDate.of(2028, 3, 1), null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("expired after 2028-03-01");
        LicenceEvent.LicenceExpired e = l.expireIfDue(SYSTEM).orElseThrow();
        assertThat(e.change().to()).isEqualTo(LicenceStatus.EXPIRED);
        assertThat(l.expireIfDue(SYSTEM)).isEmpty();
        assertThatThrownBy(() -> l.expireIfDue(CASEWORKER)).isInstanceOf(NotAuthorisedException.class);
    }

    @Test
    void expiredLicenceCannotBeReinstated() {
        Licence l = issued();
        l.suspend(SENIOR, "investigation");
        clock.setLondon(2028, 4, 1, 10);
        assertThatThrownBy(() -> l.reinstate(SENIOR, "cleared"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("cannot be reinstated");
    }

    @Test
    void flaggingForReviewNamesTheCaseOfficerToNotify() {
        Licence l = issued();
        LicenceEvent.LicenceFlaggedForReview e =
                l.flagForReview(SYSTEM, ReviewReason.NEW_SCREENING_HIT, "EU-1", "OFAC SDN entry 12345, score 0.97");
        assertThat(e.notifyOfficerId()).isEqualTo(CASEWORKER.id());
        assertThat(e.change().from())
                .isEqualTo(LicenceStatus.ISSUED)
                .isEqualTo(e.change().to());
        assertThat(l.reviewFlags())
                .singleElement()
                .extracting(ReviewFlag::evidence)
                .isEqualTo("OFAC SDN entry 12345, score 0.97");
        assertThatThrownBy(() -> l.flagForReview(SYSTEM, ReviewReason.NEW_SCREENING_HIT, "NOBODY", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not involve party NOBODY");
        l.clearReviewFlags(CASEWORKER, "false positive: different date of birth");
        assertThat(l.reviewFlags()).isEmpty();
    }

    @Test
    void newEvidenceAboutAPartyFlagsEveryLiveLicenceInvolvingItAndNoOther() {
        Licence live = issued();
        Licence suspended = Licence.issue(CASEWORKER, "L-2", Fixtures.approved(clock), START, DUTIES, clock);
        suspended.suspend(SENIOR, "investigation");
        Licence revoked = Licence.issue(CASEWORKER, "L-3", Fixtures.approved(clock), START, DUTIES, clock);
        revoked.revoke(SENIOR, "misuse");
        Case other = Fixtures.approved(
                clock,
                "C-4",
                LicenceType.INDIVIDUAL,
                Fixtures.individual().withParties(List.of(Fixtures.endUser("EU-OTHER", "DE"))),
                OTHER_CASEWORKER);
        Licence unrelated = Licence.issue(CASEWORKER, "L-4", other, START, DUTIES, clock);

        List<LicenceEvent.LicenceFlaggedForReview> flagged = ReviewSweep.flagLicencesInvolving(
                List.of(live, suspended, revoked, unrelated),
                SYSTEM,
                "EU-1",
                ReviewReason.NEW_MISUSE_EVIDENCE,
                "Forensic report: device of a journalist infected");
        assertThat(flagged).extracting(e -> e.change().licenceId()).containsExactly("L-1", "L-2");
        assertThat(revoked.reviewFlags()).isEmpty();
        assertThat(unrelated.reviewFlags()).isEmpty();
    }

    @Test
    void cannotBeValidBeforeTheApproval() {
        Case c = Fixtures.approved(clock);
        assertThatThrownBy(() -> Licence.issue(CASEWORKER, "L-1", c, START.minusDays(1), DUTIES, clock))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("before the approval on 2026-03-02");
    }
}
