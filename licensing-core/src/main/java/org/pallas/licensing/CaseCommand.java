package org.pallas.licensing;

import java.util.List;
import org.pallas.policy.AdviserTeam;

/**
 * What was asked of a case, as stored in {@code licensing_case_command}. Replaying a case's commands in order, each
 * at its recorded time, rebuilds the {@link Case} exactly: the domain stays the single authority on the rules, and the
 * store needs no second copy of them.
 */
public sealed interface CaseCommand {

    /** The exporter's declarations that the application model does not hold yet (classification seam). */
    record Declarations(Integer riskTier, String endUseCategory) {}

    record StartDraft(LicenceType type, ApplicationDetails details, Declarations declarations) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            throw new IllegalStateException("a draft is started by Case.draft, not applied");
        }
    }

    record SaveDraft(ApplicationDetails details, Declarations declarations) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.saveDraft(actor, details);
        }
    }

    record Submit() implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.submit(actor);
        }
    }

    record Route(Routing routing) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.route(actor, routing);
        }
    }

    record AssignCaseOfficer(String officerId) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.assignCaseOfficer(actor, officerId);
        }
    }

    record CompleteInitialChecks() implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.completeInitialChecks(actor);
        }
    }

    record Decide(Outcome outcome, String reasons, List<RefusalCriterion> criteria, List<String> conditions)
            implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.decide(actor, outcome, reasons, criteria, conditions);
        }
    }

    // ---- casework (information requests, amendments, withdrawal, advice, countersignature, appeals, notes) ----

    record RequestInformation(String question) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.requestInformation(actor, question);
        }
    }

    record ProvideInformation(String answer) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.provideInformation(actor, answer);
        }
    }

    record Amend(ApplicationDetails details, String reason) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.amend(actor, details, reason);
        }
    }

    record Withdraw(String reason) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.withdraw(actor, reason);
        }
    }

    record RequestAdvice(java.util.Set<AdviserTeam> teams, String reason) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.requestAdvice(actor, teams, reason);
        }
    }

    record GiveAdvice(
            AdviserTeam team,
            AdviceType type,
            String reasoning,
            List<String> conditions,
            List<RefusalCriterion> criteria)
            implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.giveAdvice(actor, team, type, reasoning, conditions, criteria);
        }
    }

    record ConsolidateAdvice(String summary) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.consolidateAdvice(actor, summary);
        }
    }

    record Countersign(String reasons) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.countersign(actor, reasons);
        }
    }

    record RefuseCountersignature(String reasons) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.refuseCountersignature(actor, reasons);
        }
    }

    record LodgeAppeal(String grounds) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.appeal(actor, grounds);
        }
    }

    record AssignAppealOfficer(String officerId) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.assignAppealOfficer(actor, officerId);
        }
    }

    record DecideAppeal(Outcome outcome, String reasons) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.decideAppeal(actor, outcome, reasons);
        }
    }

    record AddInternalNote(String text) implements CaseCommand {
        @Override
        public CaseEvent applyTo(Case c, Actor actor) {
            return c.addInternalNote(actor, text);
        }
    }

    /** Applies the command (not {@link StartDraft}, which creates the case) to the case. */
    CaseEvent applyTo(Case c, Actor actor);
}
