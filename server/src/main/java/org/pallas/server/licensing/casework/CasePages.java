package org.pallas.server.licensing.casework;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.AdviceType;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.Case;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.Outcome;
import org.pallas.licensing.RefusalCriterion;
import org.pallas.licensing.VersionChanges;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.licensing.cases.AuthorityCase;
import org.pallas.server.licensing.cases.CaseQueries;
import org.pallas.server.licensing.cases.CaseStore;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.cases.CaseworkQueries;
import org.pallas.server.licensing.licences.LicenceStore;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The authority's pages: the caseworker queue and the case page with the assessment, advice, decision,
 * countersignature, appeal, internal notes and the trail. Caseworkers and senior officers act; oversight and auditors
 * read; advisers read the cases that asked their team and give their team's advice.
 */
@Controller
class CasePages {

    private final Cases cases;
    private final CaseQueries queries;
    private final LicenceStore licences;
    private final CaseworkQueries casework;

    CasePages(Cases cases, CaseQueries queries, LicenceStore licences, CaseworkQueries casework) {
        this.cases = cases;
        this.queries = queries;
        this.licences = licences;
        this.casework = casework;
    }

    @GetMapping("/cases")
    ModelAndView queue(
            @RequestParam(name = "route", required = false) AssessmentRoute route,
            @RequestParam(name = "status", required = false) CaseStatus status,
            @RequestParam(name = "page", defaultValue = "1") int page) {
        ModelAndView view = new ModelAndView("licensing/queue");
        view.addObject("queue", queries.queue(Caller.current(), route, status, page));
        view.addObject("route", route);
        view.addObject("status", status);
        view.addObject("routes", AssessmentRoute.values());
        view.addObject(
                "statuses",
                Arrays.stream(CaseStatus.values())
                        .filter(CaseStatus::isOpen)
                        .filter(s -> s != CaseStatus.DRAFT)
                        .toList());
        return view;
    }

    @GetMapping("/cases/{id}")
    ModelAndView show(@PathVariable UUID id) {
        return page(id, Map.of(), HttpStatus.OK);
    }

    private ModelAndView page(UUID id, Map<String, String> errors, HttpStatus status) {
        Caller caller = Caller.current();
        AuthorityCase shown = cases.authorityCase(caller, id);
        CaseStore.Loaded loaded = shown.loaded();
        Case c = loaded.c();
        boolean staff = Cases.isCaseStaff(caller);
        AdviserTeam team = caller.team();
        boolean adviser = !staff && caller.hasRole(Role.ADVISER);
        ModelAndView view = new ModelAndView("licensing/case");
        view.addObject("id", id);
        view.addObject("loaded", loaded);
        view.addObject("c", c);
        view.addObject("details", c.application().details());
        view.addObject("assessment", shown.assessment());
        view.addObject("partyMatches", shown.partyMatches());
        view.addObject("sla", shown.serviceLevel());
        view.addObject("trail", queries.trail(id));
        view.addObject("licence", licences.forCase(id, null).orElse(null));
        view.addObject(
                "mine",
                c.caseOfficerId().map(o -> o.equals(caller.userId().toString())).orElse(false));
        view.addObject("staff", staff);
        view.addObject("senior", staff && caller.hasRole(Role.SENIOR_OFFICER));
        view.addObject("caseworker", staff && caller.hasRole(Role.CASEWORKER));
        view.addObject("readOnly", !staff && !adviser);
        view.addObject("adviser", adviser);
        view.addObject("adviserTeam", team);
        view.addObject("mayAdvise", adviser && c.outstandingAdvice().contains(team));
        view.addObject(
                "appealOfficer",
                c.appeal()
                        .map(a -> caller.userId().toString().equals(a.officerId()))
                        .orElse(false));
        view.addObject(
                "officers",
                staff && c.status() == CaseStatus.UNDER_APPEAL ? cases.eligibleAppealOfficers(c) : List.of());
        view.addObject("names", casework.staffNames());
        view.addObject("criteria", RefusalCriterion.values());
        view.addObject("adviceTypes", AdviceType.values());
        view.addObject("teams", AdviserTeam.values());
        view.addObject("versionChanges", VersionChanges.of(c.application().versions()));
        view.addObject("errors", errors);
        view.setStatus(status);
        return view;
    }

    @PostMapping("/cases/{id}/assign")
    ModelAndView assign(@PathVariable UUID id) {
        return act(id, "assign-to-me", () -> cases.assignToSelf(Caller.current(), id));
    }

    @PostMapping("/cases/{id}/checks")
    ModelAndView checks(@PathVariable UUID id) {
        return act(id, "complete-checks", () -> cases.completeInitialChecks(Caller.current(), id));
    }

    @PostMapping("/cases/{id}/information-request")
    ModelAndView requestInformation(
            @PathVariable UUID id, @RequestParam(name = "question", defaultValue = "") String question) {
        if (question.isBlank()) {
            return page(id, Map.of("question", "write the question to the applicant"), HttpStatus.BAD_REQUEST);
        }
        return act(id, "question", () -> cases.requestInformation(Caller.current(), id, question));
    }

    @PostMapping("/cases/{id}/advice-request")
    ModelAndView requestAdvice(
            @PathVariable UUID id,
            @RequestParam(name = "teams", required = false) List<AdviserTeam> teams,
            @RequestParam(name = "adviceReason", defaultValue = "") String reason) {
        if (reason.isBlank()) {
            return page(id, Map.of("adviceReason", "say what the advisers should look at"), HttpStatus.BAD_REQUEST);
        }
        Set<AdviserTeam> asked = teams == null || teams.isEmpty() ? Set.of() : EnumSet.copyOf(teams);
        return act(id, "adviceReason", () -> cases.requestAdvice(Caller.current(), id, asked, reason));
    }

    @PostMapping("/cases/{id}/advice")
    ModelAndView giveAdvice(
            @PathVariable UUID id,
            @RequestParam(name = "adviceType", required = false) AdviceType type,
            @RequestParam(name = "reasoning", defaultValue = "") String reasoning,
            @RequestParam(name = "adviceConditions", defaultValue = "") String conditions,
            @RequestParam(name = "adviceCriteria", required = false) List<String> criteria) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (type == null) {
            errors.put("advice-type-APPROVE", "choose the advice");
        }
        if (reasoning.isBlank()) {
            errors.put("reasoning", "give the reasoning for the advice");
        }
        if (!errors.isEmpty()) {
            return page(id, errors, HttpStatus.BAD_REQUEST);
        }
        List<String> lines = type == AdviceType.APPROVE_WITH_CONDITIONS ? lines(conditions) : List.of();
        List<RefusalCriterion> cited = type == AdviceType.REFUSE ? criteria(criteria) : List.of();
        return act(id, "reasoning", () -> cases.giveAdvice(Caller.current(), id, type, reasoning, lines, cited));
    }

    @PostMapping("/cases/{id}/consolidation")
    ModelAndView consolidate(@PathVariable UUID id, @RequestParam(name = "summary", defaultValue = "") String summary) {
        if (summary.isBlank()) {
            return page(id, Map.of("summary", "summarise the advice"), HttpStatus.BAD_REQUEST);
        }
        return act(id, "summary", () -> cases.consolidateAdvice(Caller.current(), id, summary));
    }

    @PostMapping("/cases/{id}/decision")
    ModelAndView decide(
            @PathVariable UUID id,
            @RequestParam(name = "outcome", required = false) Outcome outcome,
            @RequestParam(name = "reasons", defaultValue = "") String reasons,
            @RequestParam(name = "criteria", required = false) List<String> criteria,
            @RequestParam(name = "conditions", required = false) List<String> conditions,
            @RequestParam(name = "extraConditions", defaultValue = "") String extraConditions) {
        if (outcome == null) {
            return page(id, Map.of("outcome-approved", "choose approve or refuse"), HttpStatus.BAD_REQUEST);
        }
        List<String> kept = new ArrayList<>();
        if (outcome == Outcome.APPROVED) {
            if (conditions != null) {
                kept.addAll(conditions);
            }
            kept.addAll(lines(extraConditions));
        }
        List<RefusalCriterion> cited = outcome == Outcome.REFUSED ? criteria(criteria) : List.of();
        return act(id, "reasons", () -> cases.decide(Caller.current(), id, outcome, reasons, cited, List.copyOf(kept)));
    }

    @PostMapping("/cases/{id}/countersignature")
    ModelAndView countersign(
            @PathVariable UUID id,
            @RequestParam(name = "verdict", required = false) String verdict,
            @RequestParam(name = "countersignReasons", defaultValue = "") String reasons) {
        if (!"accept".equals(verdict) && !"refuse".equals(verdict)) {
            return page(
                    id,
                    Map.of("verdict-accept", "choose to countersign or to send the decision back"),
                    HttpStatus.BAD_REQUEST);
        }
        return act(
                id,
                "countersignReasons",
                "accept".equals(verdict)
                        ? () -> cases.countersign(Caller.current(), id, reasons)
                        : () -> cases.refuseCountersignature(Caller.current(), id, reasons));
    }

    @PostMapping("/cases/{id}/appeal-officer")
    ModelAndView assignAppealOfficer(
            @PathVariable UUID id, @RequestParam(name = "officer", required = false) UUID officer) {
        if (officer == null) {
            return page(id, Map.of("officer", "choose the appeal officer"), HttpStatus.BAD_REQUEST);
        }
        return act(id, "officer", () -> cases.assignAppealOfficer(Caller.current(), id, officer));
    }

    @PostMapping("/cases/{id}/appeal-decision")
    ModelAndView decideAppeal(
            @PathVariable UUID id,
            @RequestParam(name = "appealOutcome", required = false) Outcome outcome,
            @RequestParam(name = "appealReasons", defaultValue = "") String reasons) {
        if (outcome == null) {
            return page(id, Map.of("appeal-allowed", "choose to allow or dismiss the appeal"), HttpStatus.BAD_REQUEST);
        }
        return act(id, "appealReasons", () -> cases.decideAppeal(Caller.current(), id, outcome, reasons));
    }

    @PostMapping("/cases/{id}/notes")
    ModelAndView note(@PathVariable UUID id, @RequestParam(name = "note", defaultValue = "") String text) {
        if (text.isBlank()) {
            return page(id, Map.of("note", "write the note"), HttpStatus.BAD_REQUEST);
        }
        return act(id, "note", () -> cases.addInternalNote(Caller.current(), id, text));
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<RefusalCriterion> criteria(List<String> names) {
        List<RefusalCriterion> cited = new ArrayList<>();
        for (String k : names == null ? List.<String>of() : names) {
            try {
                cited.add(RefusalCriterion.valueOf(k));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("criteria", "'" + k + "' is not a refusal criterion");
            }
        }
        return cited;
    }

    /** Runs the action; a rule the domain refuses is shown beside the form's main field. */
    private ModelAndView act(UUID id, String field, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fields().forEach(f -> errors.merge(field, f.message(), (a, b) -> a + "; " + b));
            return page(id, errors, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/cases/" + id);
    }
}
