package org.pallas.server.licensing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The authority's team queues: filter by queue, route, state, destination, officer and overdue; sort; page. */
@Controller
class QueuePages {

    private final CaseQueries queries;

    QueuePages(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/queues")
    ModelAndView queues(@RequestParam(name = "queue", required = false) Queue queue,
            @RequestParam(name = "route", required = false) AssessmentRoute route,
            @RequestParam(name = "status", required = false) CaseStatus status,
            @RequestParam(name = "destination", required = false) String destination,
            @RequestParam(name = "officer", required = false) String officer,
            @RequestParam(name = "overdue", defaultValue = "false") boolean overdue,
            @RequestParam(name = "sort", required = false) CaseQueries.QueueSort sort,
            @RequestParam(name = "page", defaultValue = "1") int page) {
        Caller caller = Caller.current();
        CaseQueries.QueueFilter filter = new CaseQueries.QueueFilter(queue, route, status, destination, officer, overdue,
                sort, page);
        ModelAndView view = new ModelAndView("licensing/queues");
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            view.addObject("result", queries.teamQueue(caller, filter));
        } catch (InvalidInputException e) {
            FormValidation.add(errors, e);
            view.addObject("result", queries.teamQueue(caller, CaseQueries.QueueFilter.all()));
            view.setStatus(HttpStatus.BAD_REQUEST);
        }
        view.addObject("errors", errors);
        view.addObject("f", filter);
        view.addObject("queues", Arrays.stream(Queue.values()).toList());
        view.addObject("routes", AssessmentRoute.values());
        view.addObject("statuses", Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
                .filter(s -> s != CaseStatus.DRAFT).toList());
        view.addObject("sorts", CaseQueries.QueueSort.values());
        view.addObject("officers", queries.assignedOfficers(caller));
        return view;
    }
}
