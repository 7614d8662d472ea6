package org.pallas.server.licensing.servicelevels;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The service-level dashboard: full for the authority and oversight, aggregate-only for the public. */
@Controller
class ServiceLevelPages {

    private final ServiceLevels levels;

    ServiceLevelPages(ServiceLevels levels) {
        this.levels = levels;
    }

    @GetMapping("/service-levels")
    ModelAndView dashboard(
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Caller caller = Caller.current();
        return page("/service-levels", from, to, p -> levels.dashboard(caller, p));
    }

    @GetMapping("/transparency/service-levels")
    ModelAndView transparency(
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return page("/transparency/service-levels", from, to, levels::transparency);
    }

    private ModelAndView page(
            String action,
            LocalDate from,
            LocalDate to,
            Function<ServiceLevels.Period, ServiceLevels.Dashboard> dashboard) {
        ModelAndView view = new ModelAndView("licensing/service-levels");
        Map<String, String> errors = new LinkedHashMap<>();
        ServiceLevels.Period period;
        try {
            period = levels.period(from, to);
        } catch (InvalidInputException e) {
            FormValidation.add(errors, e);
            period = levels.period(null, null);
            view.setStatus(HttpStatus.BAD_REQUEST);
        }
        view.addObject("d", dashboard.apply(period));
        view.addObject("action", action);
        view.addObject("errors", errors);
        return view;
    }
}
