package org.pallas.server.licensing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The authority's pages: the caseworker queue and the case page with the assessment, the trail and the decision. */
@Controller
class CasePages {

    private final Cases cases;
    private final CaseQueries queries;
    private final LicenceStore licences;
    private final CaseStore store;

    CasePages(Cases cases, CaseQueries queries, LicenceStore licences, CaseStore store) {
        this.cases = cases;
        this.queries = queries;
        this.licences = licences;
        this.store = store;
    }

    @GetMapping("/cases")
    ModelAndView queue(@RequestParam(name = "route", required = false) AssessmentRoute route,
            @RequestParam(name = "status", required = false) CaseStatus status,
            @RequestParam(name = "page", defaultValue = "1") int page) {
        ModelAndView view = new ModelAndView("licensing/queue");
        view.addObject("queue", queries.queue(Caller.current(), route, status, page));
        view.addObject("route", route);
        view.addObject("status", status);
        view.addObject("routes", AssessmentRoute.values());
        view.addObject("statuses", Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
                .filter(s -> s != CaseStatus.DRAFT).toList());
        return view;
    }

    @GetMapping("/cases/{id}")
    ModelAndView show(@PathVariable UUID id) {
        return page(id, Map.of(), HttpStatus.OK);
    }

    private ModelAndView page(UUID id, Map<String, String> errors, HttpStatus status) {
        Caller caller = Caller.current();
        CaseStore.Loaded loaded = cases.authorityView(caller, id);
        Case c = loaded.c();
        ModelAndView view = new ModelAndView("licensing/case");
        view.addObject("id", id);
        view.addObject("loaded", loaded);
        view.addObject("c", c);
        view.addObject("details", c.application().details());
        view.addObject("assessment", store.assessment(id).orElse(null));
        view.addObject("trail", queries.trail(id));
        view.addObject("licence", licences.forCase(id, null).orElse(null));
        view.addObject("mine", c.caseOfficerId().map(o -> o.equals(caller.userId().toString())).orElse(false));
        view.addObject("criteria", RefusalCriterion.values());
        view.addObject("errors", errors);
        view.setStatus(status);
        return view;
    }

    @PostMapping("/cases/{id}/assign")
    ModelAndView assign(@PathVariable UUID id) {
        return act(id, () -> cases.assignToSelf(Caller.current(), id));
    }

    @PostMapping("/cases/{id}/checks")
    ModelAndView checks(@PathVariable UUID id) {
        return act(id, () -> cases.completeInitialChecks(Caller.current(), id));
    }

    @PostMapping("/cases/{id}/decision")
    ModelAndView decide(@PathVariable UUID id, @RequestParam(name = "outcome", required = false) Outcome outcome,
            @RequestParam(name = "reasons", defaultValue = "") String reasons,
            @RequestParam(name = "criteria", required = false) List<String> criteria,
            @RequestParam(name = "conditions", required = false) List<String> conditions) {
        if (outcome == null) {
            return page(id, Map.of("decision", "choose approve or refuse"), HttpStatus.BAD_REQUEST);
        }
        List<RefusalCriterion> cited = new ArrayList<>();
        for (String k : criteria == null ? List.<String>of() : criteria) {
            cited.add(RefusalCriterion.valueOf(k));
        }
        List<String> kept = outcome == Outcome.APPROVED && conditions != null ? conditions : List.of();
        return act(id, () -> cases.decide(Caller.current(), id, outcome, reasons, cited, kept));
    }

    private ModelAndView act(UUID id, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fields().forEach(f -> errors.merge("decision", f.message(), (a, b) -> a + "; " + b));
            return page(id, errors, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/cases/" + id);
    }
}
