package org.pallas.server.licensing.generalauthorisations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.GeneralAuthorisationEligibility;
import org.pallas.licensing.Safeguard;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** General authorisations: the published terms, registering under them, and reporting uses. */
@Controller
class GeneralAuthorisationPages {

    private final GeneralAuthorisationRegistrations registrations;

    GeneralAuthorisationPages(GeneralAuthorisationRegistrations registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/general-authorisations")
    ModelAndView list() {
        Caller caller = Caller.current();
        ModelAndView view = new ModelAndView("licensing/general-authorisations");
        view.addObject("terms", registrations.terms());
        List<GeneralAuthorisationRegistrations.Registration> regs = caller.isExporter()
                ? registrations.mine(caller)
                : caller.hasAnyRole(
                                org.pallas.server.platform.Role.CASEWORKER,
                                org.pallas.server.platform.Role.SENIOR_OFFICER,
                                org.pallas.server.platform.Role.OVERSIGHT,
                                org.pallas.server.platform.Role.AUDITOR)
                        ? registrations.all(caller)
                        : List.of();
        view.addObject("registrations", regs);
        return view;
    }

    @GetMapping("/general-authorisations/{termsId}")
    ModelAndView terms(@PathVariable String termsId) {
        return termsPage(termsId, Map.of(), Map.of(), HttpStatus.OK);
    }

    private ModelAndView termsPage(
            String termsId, Map<String, String> form, Map<String, String> errors, HttpStatus status) {
        Caller caller = Caller.current();
        ModelAndView view = new ModelAndView("licensing/general-authorisation");
        view.addObject("t", registrations.terms(termsId));
        view.addObject("exporter", caller.isExporter());
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("endUserTypes", EndUserType.values());
        view.addObject("safeguardChoices", Safeguard.values());
        view.setStatus(status);
        return view;
    }

    @PostMapping("/general-authorisations/{termsId}/register")
    ModelAndView register(
            @PathVariable String termsId,
            @RequestParam(name = "controlEntries", defaultValue = "") String entries,
            @RequestParam(name = "destinations", defaultValue = "") String destinations,
            @RequestParam(name = "endUserTypes", required = false) List<String> types,
            @RequestParam(name = "safeguards", required = false) List<String> safeguards) {
        Caller caller = Caller.current();
        try {
            var scope = new GeneralAuthorisationEligibility.Scope(
                    GeneralAuthorisationRegistrations.entries(List.of(entries)),
                    GeneralAuthorisationRegistrations.codes(List.of(destinations)),
                    GeneralAuthorisationRegistrations.choices(EndUserType.class, types, "endUserTypes"),
                    GeneralAuthorisationRegistrations.choices(Safeguard.class, safeguards, "safeguards"));
            var r = registrations.register(caller, termsId, scope);
            return new ModelAndView("redirect:/general-authorisations/registrations/" + r.id());
        } catch (InvalidInputException e) {
            Map<String, String> form = Map.of(
                    "controlEntries",
                    entries,
                    "destinations",
                    destinations,
                    "endUserTypes",
                    String.join(",", types == null ? List.of() : types),
                    "safeguards",
                    String.join(",", safeguards == null ? List.of() : safeguards));
            return termsPage(termsId, form, joined(e), HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/general-authorisations/registrations/{id}")
    ModelAndView registration(@PathVariable UUID id) {
        return registrationPage(id, Map.of(), Map.of(), HttpStatus.OK);
    }

    private ModelAndView registrationPage(
            UUID id, Map<String, String> form, Map<String, String> errors, HttpStatus status) {
        Caller caller = Caller.current();
        var r = registrations.find(caller, id);
        ModelAndView view = new ModelAndView("licensing/ga-registration");
        view.addObject("r", r);
        view.addObject("t", registrations.terms(r.termsId()));
        view.addObject("uses", registrations.uses(caller, id));
        view.addObject("exporter", caller.isExporter());
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("endUserTypes", r.scope().endUserTypes());
        view.setStatus(status);
        return view;
    }

    @PostMapping("/general-authorisations/registrations/{id}/uses")
    ModelAndView reportUse(@PathVariable UUID id, @RequestParam Map<String, String> params) {
        Caller caller = Caller.current();
        registrations.find(caller, id); // 404 for another organisation's registration
        Map<String, String> form = new LinkedHashMap<>(params);
        form.remove("_csrf");
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate usedOn = null;
        try {
            usedOn = LocalDate.parse(params.getOrDefault("usedOn", "").trim());
        } catch (DateTimeParseException e) {
            errors.put("usedOn", "enter the date as yyyy-mm-dd");
        }
        int quantity = 0;
        String q = params.getOrDefault("quantity", "").trim();
        if (q.matches("\\d{1,6}")) {
            quantity = Integer.parseInt(q);
        } else {
            errors.put("quantity", "enter a whole number");
        }
        String type = params.getOrDefault("endUserType", "");
        EndUserType endUserType = java.util.Arrays.stream(EndUserType.values())
                .filter(t -> t.name().equals(type))
                .findFirst()
                .orElse(null);
        if (errors.isEmpty()) {
            try {
                registrations.reportUse(
                        caller,
                        id,
                        new GeneralAuthorisationEligibility.Use(
                                usedOn,
                                params.getOrDefault("destination", "").trim().toUpperCase(java.util.Locale.ROOT),
                                params.get("endUserName"),
                                endUserType,
                                params.getOrDefault("controlEntry", "").trim(),
                                quantity,
                                params.get("description")));
                return new ModelAndView("redirect:/general-authorisations/registrations/" + id);
            } catch (InvalidInputException e) {
                errors.putAll(joined(e));
            }
        }
        return registrationPage(id, form, errors, HttpStatus.BAD_REQUEST);
    }

    /** All reasons per field, joined (a refusal may give several reasons for one field). */
    private static Map<String, String> joined(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fields().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
        return errors;
    }
}
