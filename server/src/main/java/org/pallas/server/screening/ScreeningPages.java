package org.pallas.server.screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Screening pages: search, the party register, the alert queue and the list status. Usable without JavaScript. */
@Controller
class ScreeningPages {

    private final Searches searches;
    private final RestrictedLists lists;
    private final PartyRegister parties;
    private final Alerts alerts;
    private final FormValidation validation;

    ScreeningPages(
            Searches searches, RestrictedLists lists, PartyRegister parties, Alerts alerts, FormValidation validation) {
        this.searches = searches;
        this.lists = lists;
        this.parties = parties;
        this.alerts = alerts;
        this.validation = validation;
    }

    @GetMapping("/screening")
    String searchPage(Model model) {
        Caller caller = Caller.current();
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "screen names");
        return search(
                model, caller, new ScreeningApi.SearchRequest("", "any", "", "", List.of(), null), null, Map.of());
    }

    @PostMapping("/screening")
    String runSearch(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "any") String kind,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String birthDate,
            Model model) {
        Caller caller = Caller.current();
        ScreeningApi.SearchRequest form =
                new ScreeningApi.SearchRequest(name, kind, country, birthDate, List.of(), null);
        Map<String, String> errors = new LinkedHashMap<>();
        ScreeningResult result = null;
        try {
            ScreeningQuery query = form.query();
            result = searches.search(caller, query);
        } catch (InvalidInputException e) {
            FormValidation.add(errors, e);
        }
        return search(model, caller, form, result, errors);
    }

    private String search(
            Model model,
            Caller caller,
            ScreeningApi.SearchRequest form,
            ScreeningResult result,
            Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        model.addAttribute("listsLoaded", lists.loaded());
        model.addAttribute("inUse", lists.inUse());
        model.addAttribute(
                "history", searches.history(caller).stream().limit(10).toList());
        return "screening/search";
    }

    @GetMapping("/screening/lists")
    String listsPage(Model model) {
        Caller.current();
        model.addAttribute("loaded", lists.loaded());
        model.addAttribute("inUse", lists.inUse());
        model.addAttribute("imports", lists.imports());
        model.addAttribute("versions", lists.versions());
        return "screening/lists";
    }

    @GetMapping("/screening/parties")
    String partiesPage(Model model) {
        return partiesPage(model, new PartyInput("", "organisation", "", "", List.of(), ""), Map.of());
    }

    @PostMapping("/screening/parties")
    String createParty(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "any") String kind,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String birthDate,
            @RequestParam(defaultValue = "") String identifiers,
            @RequestParam(defaultValue = "") String reference,
            Model model) {
        List<String> ids = identifiers.isBlank() ? List.of() : List.of(identifiers.split("[,\\n]"));
        PartyInput input = new PartyInput(name, kind, blank(country), blank(birthDate), ids, blank(reference));
        Map<String, String> errors = validation.errors(input);
        if (errors.isEmpty()) {
            try {
                Party party = parties.create(Caller.current(), input);
                return "redirect:/screening/parties/" + party.id();
            } catch (InvalidInputException e) {
                errors = FormValidation.add(new LinkedHashMap<>(), e);
            }
        }
        return partiesPage(model, input, errors);
    }

    private String partiesPage(Model model, PartyInput form, Map<String, String> errors) {
        Caller caller = Caller.current();
        model.addAttribute("parties", parties.list(caller));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayAdd", ScreeningAccess.SCREENERS.stream().anyMatch(caller::hasRole));
        return "screening/parties";
    }

    @GetMapping("/screening/parties/{id}")
    String partyPage(@PathVariable UUID id, Model model) {
        Caller caller = Caller.current();
        model.addAttribute("party", parties.find(caller, id));
        model.addAttribute("alerts", alerts.ofParty(caller, id));
        model.addAttribute("screenings", parties.screenings(caller, id));
        model.addAttribute("mayDecide", ScreeningAccess.SCREENERS.stream().anyMatch(caller::hasRole));
        return "screening/party";
    }

    @GetMapping("/screening/alerts")
    String alertQueue(@RequestParam(defaultValue = "OPEN") String status, Model model) {
        Caller caller = Caller.current();
        String filter = List.of("OPEN", "CONFIRMED", "CLEARED", "LAPSED").contains(status) ? status : null;
        model.addAttribute("status", filter == null ? "ALL" : filter);
        model.addAttribute("alerts", alerts.queue(caller, filter));
        model.addAttribute("mayDecide", ScreeningAccess.SCREENERS.stream().anyMatch(caller::hasRole));
        model.addAttribute("errors", Map.of());
        return "screening/alerts";
    }

    @PostMapping("/screening/alerts/{id}/confirm")
    String confirm(@PathVariable UUID id, @RequestParam(defaultValue = "") String note) {
        Alert alert = alerts.confirm(Caller.current(), id, note);
        return "redirect:/screening/parties/" + alert.partyId();
    }

    @PostMapping("/screening/alerts/{id}/clear")
    String clear(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason) {
        Alert alert = alerts.clear(Caller.current(), id, reason);
        return "redirect:/screening/parties/" + alert.partyId();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
