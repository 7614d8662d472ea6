package org.pallas.server.licensing;

import java.util.List;

/**
 * What was asked of a case, as stored in {@code licensing_case_command}. Replaying a case's commands in order, each
 * at its recorded time, rebuilds the {@link Case} exactly: the domain stays the single authority on the rules, and the
 * store needs no second copy of them.
 */
sealed interface CaseCommand {

    /** The exporter's declarations that the application model does not hold yet (classification seam). */
    record Declarations(Integer riskTier, String endUseCategory) {
    }

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

    /** Applies the command (not {@link StartDraft}, which creates the case) to the case. */
    CaseEvent applyTo(Case c, Actor actor);
}
