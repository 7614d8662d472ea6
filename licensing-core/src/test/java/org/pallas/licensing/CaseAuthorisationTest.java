package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pallas.licensing.Fixtures.CASEWORKER;
import static org.pallas.licensing.Fixtures.EXPORTER;
import static org.pallas.licensing.Fixtures.HUMAN_RIGHTS_ADVISER;
import static org.pallas.licensing.Fixtures.OTHER_CASEWORKER;
import static org.pallas.licensing.Fixtures.OTHER_EXPORTER;
import static org.pallas.licensing.Fixtures.SECURITY_ADVISER;
import static org.pallas.licensing.Fixtures.SENIOR;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pallas.policy.AdviserTeam;

/** Every action authorises its actor in the domain, whatever the UI does. */
class CaseAuthorisationTest {

    private final TestClock clock = TestClock.at(2026, 3, 2);

    @Test
    void onlyExportersStartApplications() {
        assertThatThrownBy(() -> Case.draft(
                        "C-2", CASEWORKER, LicenceType.INDIVIDUAL, Fixtures.individual(), Fixtures.RULES, clock))
                .isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("needs role EXPORTER");
    }

    @Test
    void anotherOrganisationCannotSubmitAmendWithdrawOrAppeal() {
        Case draft = Fixtures.draft(clock);
        assertThatThrownBy(() -> draft.submit(OTHER_EXPORTER))
                .isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("belongs to organisation org-other, not to the owning organisation org-vendor");
        assertThatThrownBy(() -> draft.saveDraft(OTHER_EXPORTER, Fixtures.individual()))
                .isInstanceOf(NotAuthorisedException.class);
        Case open = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        assertThatThrownBy(() -> open.amend(OTHER_EXPORTER, Fixtures.individual(), "x"))
                .isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> open.withdraw(OTHER_EXPORTER, "x")).isInstanceOf(NotAuthorisedException.class);
        Case refused = Fixtures.refused(clock);
        assertThatThrownBy(() -> refused.appeal(OTHER_EXPORTER, "x")).isInstanceOf(NotAuthorisedException.class);
    }

    @Test
    void authorityStaffCannotActForTheExporter() {
        Case open = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        assertThatThrownBy(() -> open.withdraw(CASEWORKER, "x")).isInstanceOf(NotAuthorisedException.class);
        open.requestInformation(CASEWORKER, "Which unit?");
        assertThatThrownBy(() -> open.provideInformation(CASEWORKER, "I'll answer for them"))
                .isInstanceOf(NotAuthorisedException.class);
    }

    @Test
    void onlyThePolicyEngineRoutesASubmittedCase() {
        Case c = Fixtures.submitted(clock);
        assertThatThrownBy(() -> c.route(CASEWORKER, Routing.of(AssessmentRoute.FAST_TRACK)))
                .isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("needs role SYSTEM");
    }

    @Test
    void exportersAndAdvisersCannotAssignOrDecide() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        assertThatThrownBy(() -> c.assignCaseOfficer(EXPORTER, EXPORTER.id()))
                .isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> c.decide(EXPORTER, Outcome.APPROVED, "self-service", List.of(), List.of()))
                .isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> c.decide(HUMAN_RIGHTS_ADVISER, Outcome.APPROVED, "x", List.of(), List.of()))
                .isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> c.decide(SENIOR, Outcome.APPROVED, "x", List.of(), List.of()))
                .isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("needs role CASEWORKER");
    }

    @Test
    void onlyTheAssignedCaseOfficerDecides() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        assertThatThrownBy(() -> c.decide(OTHER_CASEWORKER, Outcome.APPROVED, "x", List.of(), List.of()))
                .isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("the case officer is carol");
    }

    @Test
    void decisionNeedsAnAssignedCaseOfficer() {
        Case c = Fixtures.submitted(clock);
        c.route(Fixtures.SYSTEM, Routing.of(AssessmentRoute.STANDARD));
        c.completeInitialChecks(CASEWORKER);
        assertThatThrownBy(() -> c.decide(CASEWORKER, Outcome.APPROVED, "x", List.of(), List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("has no case officer");
    }

    @Test
    void advisersAdviseOnlyForTheirOwnTeam() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.ENHANCED_REVIEW);
        c.requestAdvice(CASEWORKER, Set.of(), "enhanced");
        assertThatThrownBy(() -> c.giveAdvice(
                        SECURITY_ADVISER, AdviserTeam.HUMAN_RIGHTS, AdviceType.APPROVE, "x", List.of(), List.of()))
                .isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("may not give advice for HUMAN_RIGHTS");
        assertThatThrownBy(() -> c.giveAdvice(
                        CASEWORKER, AdviserTeam.HUMAN_RIGHTS, AdviceType.APPROVE, "x", List.of(), List.of()))
                .isInstanceOf(NotAuthorisedException.class);
    }

    @Test
    void onlySeniorOfficersAssignAppeals() {
        Case c = Fixtures.refused(clock);
        c.appeal(EXPORTER, "grounds");
        assertThatThrownBy(() -> c.assignAppealOfficer(OTHER_CASEWORKER, OTHER_CASEWORKER.id()))
                .isInstanceOf(NotAuthorisedException.class);
    }

    @Test
    void actorsMustBeWellFormed() {
        assertThatThrownBy(() -> new Actor("x", Set.of(ActorRole.CASEWORKER), "org-vendor", Set.of()))
                .hasMessageContaining("exactly the exporters belong to an organisation");
        assertThatThrownBy(() -> new Actor("x", Set.of(ActorRole.CASEWORKER), null, Set.of(AdviserTeam.DEFENCE)))
                .hasMessageContaining("not the ADVISER role");
        assertThatThrownBy(() -> new Actor(" ", Set.of(ActorRole.CASEWORKER), null, Set.of()))
                .hasMessageContaining("id is missing");
    }
}
