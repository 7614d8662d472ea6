package org.pallas.server.licensing.casework;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.Queue;
import org.pallas.server.licensing.cases.CaseQueries;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The authority's team queues: filter by queue, route, state, destination, officer and overdue; sort; page. */
@Controller
class QueuePages {

    private final CaseQueries queries;
    private final Cases cases;

    QueuePages(CaseQueries queries, Cases cases) {
        this.queries = queries;
        this.cases = cases;
    }

    @GetMapping("/queues")
    ModelAndView queues(
            @RequestParam(name = "queue", required = false) Queue queue,
            @RequestParam(name = "route", required = false) AssessmentRoute route,
            @RequestParam(name = "status", required = false) CaseStatus status,
            @RequestParam(name = "destination", required = false) String destination,
            @RequestParam(name = "officer", required = false) String officer,
            @RequestParam(name = "overdue", defaultValue = "false") boolean overdue,
            @RequestParam(name = "sort", required = false) CaseQueries.QueueSort sort,
            @RequestParam(name = "page", defaultValue = "1") int page) {
        Caller caller = Caller.current();
        CaseQueries.QueueFilter filter =
                new CaseQueries.QueueFilter(queue, route, status, destination, officer, overdue, sort, page);
        ModelAndView view = new ModelAndView("licensing/queue");
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            view.addObject("queue", queries.teamQueue(caller, filter));
        } catch (InvalidInputException e) {
            FormValidation.add(errors, e);
            view.addObject("queue", queries.teamQueue(caller, CaseQueries.QueueFilter.all()));
            view.setStatus(HttpStatus.BAD_REQUEST);
        }
        view.addObject("errors", errors);
        // The team queue is the case queue page with more filters (the template shows them when f is set).
        view.addObject("f", filter);
        view.addObject("route", filter.route());
        view.addObject("status", filter.status());
        view.addObject("queues", Arrays.stream(Queue.values()).toList());
        view.addObject("routes", AssessmentRoute.values());
        view.addObject(
                "statuses",
                Arrays.stream(CaseStatus.values())
                        .filter(CaseStatus::isOpen)
                        .filter(s -> s != CaseStatus.DRAFT)
                        .toList());
        view.addObject("sorts", CaseQueries.QueueSort.values());
        view.addObject("officers", queries.assignedOfficers(caller));
        boolean senior = caller.hasRole(org.pallas.server.platform.Role.SENIOR_OFFICER);
        view.addObject("senior", senior);
        view.addObject("assignable", senior ? queries.authorityOfficers(caller) : java.util.List.of());
        return view;
    }

    /** A senior officer assigns a case to an officer of the authority, then returns to the queue. */
    @PostMapping("/queues/assign")
    ModelAndView assign(
            @RequestParam(name = "case") java.util.UUID caseId,
            @RequestParam(name = "officer", required = false) java.util.UUID officer,
            @RequestParam(name = "back", defaultValue = "") String back) {
        Caller caller = Caller.current();
        if (!caller.hasRole(org.pallas.server.platform.Role.SENIOR_OFFICER)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only a senior officer assigns cases to other officers.");
        }
        if (officer == null
                || queries.authorityOfficers(caller).stream()
                        .noneMatch(o -> o.getKey().equals(officer))) {
            ModelAndView view = queues(null, null, null, null, null, false, null, 1);
            @SuppressWarnings("unchecked")
            Map<String, String> errors = (Map<String, String>) view.getModel().get("errors");
            errors.put("officer", "choose an officer of the licensing authority to assign the case to");
            view.setStatus(HttpStatus.BAD_REQUEST);
            return view;
        }
        cases.assignTo(caller, caseId, officer);
        // Back to the same filtered page (only a query string of this page is accepted).
        return new ModelAndView("redirect:/queues" + (back.matches("\\?[A-Za-z0-9_=&%.-]{0,500}") ? back : ""));
    }
}
