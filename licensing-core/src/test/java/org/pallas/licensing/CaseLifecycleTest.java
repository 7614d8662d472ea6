package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pallas.licensing.Fixtures.CASEWORKER;
import static org.pallas.licensing.Fixtures.COLLEAGUE;
import static org.pallas.licensing.Fixtures.DEFENCE_ADVISER;
import static org.pallas.licensing.Fixtures.EXPORTER;
import static org.pallas.licensing.Fixtures.HUMAN_RIGHTS_ADVISER;
import static org.pallas.licensing.Fixtures.SECURITY_ADVISER;
import static org.pallas.licensing.Fixtures.SYSTEM;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pallas.policy.AdviserTeam;

class CaseLifecycleTest {

    private final TestClock clock = TestClock.at(2026, 3, 2);

    @Test
    void draftIsSavedByReplacingItAndNotVersioned() {
        Case c = Fixtures.draft(clock);
        c.saveDraft(COLLEAGUE, ApplicationDetails.empty().withEndUseStatement("work in progress"));
        assertThat(c.status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(c.application().versions()).isEmpty();
        assertThat(c.application().details().endUseStatement()).isEqualTo("work in progress");
        assertThat(c.validate()).extracting(FieldError::field).contains("products", "parties");
    }

    @Test
    void submissionOfAnInvalidDraftFailsWithFieldErrorsAndLeavesTheDraft() {
        Case c = Case.draft("C-9", EXPORTER, LicenceType.INDIVIDUAL, null, Fixtures.RULES, clock);
        assertThatThrownBy(() -> c.submit(EXPORTER))
                .isInstanceOfSatisfying(
                        ApplicationInvalidException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .contains("products", "endUseStatement"));
        assertThat(c.status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(c.application().draft()).isPresent();
    }

    @Test
    void submissionFreezesVersionOneAndRecordsWhoWhenAndWhat() {
        Case c = Fixtures.draft(clock);
        CaseEvent.ApplicationSubmitted e = c.submit(EXPORTER);
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.application().current().number()).isEqualTo(1);
        assertThat(c.application().draft()).isEmpty();
        assertThat(e.change().actor()).isEqualTo(EXPORTER);
        assertThat(e.change().at()).isEqualTo(clock.instant());
        assertThat(e.change().from()).isEqualTo(CaseStatus.DRAFT);
        assertThat(e.change().to()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(e.destinations()).containsExactly("DE");
        assertThat(c.history()).last().isEqualTo(e);
    }

    @Test
    void amendmentBeforeDecisionAddsAVersionAndKeepsTheOldOne() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        ApplicationDetails changed = Fixtures.individual().withQuantities(new QuantityModel(3, 1, 1, 6));
        CaseEvent.ApplicationAmended e = c.amend(EXPORTER, changed, "fewer seats");
        assertThat(e.version()).isEqualTo(2);
        assertThat(c.application().versions())
                .extracting(ApplicationVersion::number)
                .containsExactly(1, 2);
        assertThat(c.application().versions().get(0).details().quantities().seats())
                .isEqualTo(5);
        assertThat(c.application().current().details().quantities().seats()).isEqualTo(3);
        assertThat(c.application().current().reason()).isEqualTo("fewer seats");
        assertThat(c.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
    }

    @Test
    void invalidAmendmentIsRejectedAndAddsNoVersion() {
        Case c = Fixtures.submitted(clock);
        assertThatThrownBy(() -> c.amend(EXPORTER, ApplicationDetails.empty(), "oops"))
                .isInstanceOf(ApplicationInvalidException.class);
        assertThat(c.application().versions()).hasSize(1);
    }

    @Test
    void amendmentIsRefusedOnceTheDecisionIsMadeOrAdviceIsUnderWay() {
        Case decided = Fixtures.approved(clock);
        assertThatThrownBy(() -> decided.amend(EXPORTER, Fixtures.individual(), "late change"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is FINALISED");
        Case advising = Fixtures.underReview(clock, AssessmentRoute.ENHANCED_REVIEW);
        advising.requestAdvice(CASEWORKER, Set.of(), "enhanced");
        assertThatThrownBy(() -> advising.amend(EXPORTER, Fixtures.individual(), "change"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("AWAITING_ADVICE");
    }

    @Test
    void amendmentAfterAdviceMeansRequiredTeamsMustAdviseAgain() {
        Case c = Fixtures.advisedAndConsolidated(clock);
        c.amend(EXPORTER, Fixtures.individual().withEndUseStatement("Narrower end use after the advice."), "narrowed");
        assertThat(c.consolidatedAdvice()).isEmpty();
        assertThatThrownBy(() -> c.decide(CASEWORKER, Outcome.APPROVED, "fine", List.of(), List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("requires advice from")
                .hasMessageContaining("on version 2");
        assertThat(c.advice()).hasSize(3).allMatch(a -> a.applicationVersion() == 1);
    }

    @Test
    void informationRequestWaitsForTheApplicantAndResumesWhereItWas() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        CaseEvent.InformationRequested asked = c.requestInformation(CASEWORKER, "Which unit operates the tool?");
        assertThat(c.status()).isEqualTo(CaseStatus.INFORMATION_REQUESTED);
        assertThat(c.queues()).containsExactly(Queue.WITH_APPLICANT);
        assertThat(asked.requestNumber()).isEqualTo(1);
        c.amend(
                EXPORTER,
                Fixtures.individual().withEndUseStatement("Operated by the cyber unit only, under warrant."),
                "clarified");
        clock.advance(Duration.ofDays(2));
        CaseEvent.InformationProvided answered = c.provideInformation(EXPORTER, "The cyber investigations unit.");
        assertThat(answered.change().to()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(c.informationRequests()).singleElement().satisfies(q -> {
            assertThat(q.answered()).isTrue();
            assertThat(q.answer()).isEqualTo("The cyber investigations unit.");
            assertThat(q.answeredAt()).isEqualTo(clock.instant());
        });
        assertThat(c.application().versions()).hasSize(2);
    }

    @Test
    void informationCannotBeRequestedWhileAdvisersHoldTheCase() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.ENHANCED_REVIEW);
        c.requestAdvice(CASEWORKER, Set.of(), "enhanced");
        assertThatThrownBy(() -> c.requestInformation(CASEWORKER, "question"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("AWAITING_ADVICE");
    }

    @Test
    void exporterWithdrawsAnOpenCaseButNotAFinalisedOne() {
        Case open = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        CaseEvent.CaseWithdrawn e = open.withdraw(EXPORTER, "customer cancelled");
        assertThat(open.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(e.change().reason()).isEqualTo("customer cancelled");
        assertThat(open.queues()).isEmpty();
        Case decided = Fixtures.approved(clock);
        assertThatThrownBy(() -> decided.withdraw(EXPORTER, "too late")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void illegalTransitionsAreRejectedWithTheStateAndAction() {
        Case c = Fixtures.submitted(clock);
        assertThatThrownBy(() -> c.completeInitialChecks(CASEWORKER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot complete initial checks case C-1 in status SUBMITTED; only in INITIAL_CHECKS");
        assertThatThrownBy(() -> c.submit(EXPORTER)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.provideInformation(EXPORTER, "x")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.appeal(EXPORTER, "x")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.countersign(Fixtures.SENIOR, "x")).isInstanceOf(IllegalTransitionException.class);
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void lastOutstandingAdviceMovesTheCaseToConsolidation() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.ENHANCED_REVIEW);
        c.requestAdvice(CASEWORKER, Set.of(), "enhanced");
        assertThat(c.queues())
                .containsExactlyInAnyOrder(
                        Queue.HUMAN_RIGHTS_ADVICE, Queue.NATIONAL_SECURITY_ADVICE, Queue.DEFENCE_ADVICE);
        c.giveAdvice(HUMAN_RIGHTS_ADVISER, AdviserTeam.HUMAN_RIGHTS, AdviceType.APPROVE, "ok", List.of(), List.of());
        c.giveAdvice(SECURITY_ADVISER, AdviserTeam.NATIONAL_SECURITY, AdviceType.APPROVE, "ok", List.of(), List.of());
        assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_ADVICE);
        assertThat(c.outstandingAdvice()).containsExactly(AdviserTeam.DEFENCE);
        assertThat(c.queues()).containsExactly(Queue.DEFENCE_ADVICE);
        CaseEvent.AdviceGiven last =
                c.giveAdvice(DEFENCE_ADVISER, AdviserTeam.DEFENCE, AdviceType.APPROVE, "ok", List.of(), List.of());
        assertThat(last.change().to()).isEqualTo(CaseStatus.ADVICE_CONSOLIDATION);
        assertThat(c.queues()).containsExactly(Queue.ENHANCED_REVIEW);
    }

    @Test
    void aTeamCannotAdviseTwiceOrUnasked() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        c.requestAdvice(CASEWORKER, Set.of(AdviserTeam.HUMAN_RIGHTS, AdviserTeam.DEFENCE), "second opinion");
        c.giveAdvice(HUMAN_RIGHTS_ADVISER, AdviserTeam.HUMAN_RIGHTS, AdviceType.NO_VIEW, "n/a", List.of(), List.of());
        assertThatThrownBy(() -> c.giveAdvice(
                        HUMAN_RIGHTS_ADVISER,
                        AdviserTeam.HUMAN_RIGHTS,
                        AdviceType.APPROVE,
                        "again",
                        List.of(),
                        List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("already given");
        assertThatThrownBy(() -> c.giveAdvice(
                        SECURITY_ADVISER,
                        AdviserTeam.NATIONAL_SECURITY,
                        AdviceType.APPROVE,
                        "unasked",
                        List.of(),
                        List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("not requested");
    }

    @Test
    void refusingAdviceMustCiteACriterionAndConditionalAdviceMustStateConditions() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.ENHANCED_REVIEW);
        c.requestAdvice(CASEWORKER, Set.of(), "enhanced");
        assertThatThrownBy(() -> c.giveAdvice(
                        HUMAN_RIGHTS_ADVISER,
                        AdviserTeam.HUMAN_RIGHTS,
                        AdviceType.REFUSE,
                        "risk",
                        List.of(),
                        List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("refusal criterion");
        assertThatThrownBy(() -> c.giveAdvice(
                        HUMAN_RIGHTS_ADVISER,
                        AdviserTeam.HUMAN_RIGHTS,
                        AdviceType.APPROVE_WITH_CONDITIONS,
                        "ok if",
                        List.of(),
                        List.of()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("state the conditions");
        assertThat(c.advice()).isEmpty();
    }

    @Test
    void routingMovesTheSubmittedCaseToInitialChecksInReception() {
        Case c = Fixtures.submitted(clock);
        CaseEvent.CaseRouted e = c.route(SYSTEM, Routing.of(AssessmentRoute.FAST_TRACK));
        assertThat(e.route()).isEqualTo(AssessmentRoute.FAST_TRACK);
        assertThat(c.status()).isEqualTo(CaseStatus.INITIAL_CHECKS);
        assertThat(c.queues()).containsExactly(Queue.LICENSING_RECEPTION);
    }

    @Test
    void timeInQueueRunsFromTheLastStatusChange() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        clock.advance(Duration.ofHours(5));
        c.assignCaseOfficer(CASEWORKER, Fixtures.OTHER_CASEWORKER.id());
        clock.advance(Duration.ofHours(1));
        assertThat(c.timeInQueue()).isEqualTo(Duration.ofHours(6));
        assertThat(c.queues()).containsExactly(Queue.STANDARD);
    }

    @Test
    void internalNotesAreKeptWithoutChangingStatus() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        CaseEvent.InternalNoteAdded e =
                c.addInternalNote(HUMAN_RIGHTS_ADVISER, "Source says the unit targeted journalists.");
        assertThat(e.change().from()).isEqualTo(e.change().to());
        assertThat(c.internalNotes())
                .singleElement()
                .extracting(InternalNote::authorId)
                .isEqualTo("hana");
        assertThatThrownBy(() -> c.addInternalNote(EXPORTER, "x")).isInstanceOf(NotAuthorisedException.class);
    }

    @Test
    void theSystemNotesANewScreeningMatchOnAnOpenCaseWithoutChangingItsStatus() {
        Case c = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        CaseEvent.InternalNoteAdded e = c.addInternalNote(SYSTEM, "Re-screening: the end user now matches US-EL.");
        assertThat(e.change().to()).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThat(c.internalNotes())
                .singleElement()
                .extracting(InternalNote::authorId)
                .isEqualTo(SYSTEM.id());
    }

    @Test
    void askingForAdviceATeamAlreadyGaveOnThisVersionIsRejectedRatherThanLeftWaiting() {
        Case c = Fixtures.advisedAndConsolidated(clock);
        assertThatThrownBy(() -> c.requestAdvice(CASEWORKER, Set.of(AdviserTeam.DEFENCE), "again"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("every team asked has already advised on version 1");
        assertThat(c.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        Case plain = Fixtures.underReview(clock, AssessmentRoute.STANDARD);
        assertThatThrownBy(() -> plain.requestAdvice(CASEWORKER, Set.of(), "nobody"))
                .hasMessage("name at least one adviser team");
    }
}
