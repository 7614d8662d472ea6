package org.pallas.server.classification;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.classification.reference.Regime;
import org.pallas.server.classification.view.QuestionnaireView;
import org.pallas.server.classification.view.RequestRow;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Classification requests in the browser: the list (the authority's queue; an exporter's own), a
 * request with the engine's cited explanation for the product version sent, and the caseworker's
 * confirm-or-amend form.
 */
@Controller
class ClassificationRequestPages {

    private final ClassificationRequests requests;
    private final ProductRegister products;
    private final ClassificationAssessments assessments;

    ClassificationRequestPages(
            ClassificationRequests requests, ProductRegister products, ClassificationAssessments assessments) {
        this.requests = requests;
        this.products = products;
        this.assessments = assessments;
    }

    @GetMapping("/classification/requests")
    String list(@RequestParam(name = "open", defaultValue = "false") boolean openOnly, Model model) {
        Caller caller = Caller.current();
        model.addAttribute(
                "rows",
                requests.list(caller, openOnly).stream()
                        .map(r -> new RequestRow(
                                r,
                                products.version(caller, r.productId(), r.productVersion())
                                        .name()))
                        .toList());
        model.addAttribute("openOnly", openOnly);
        return "classification/requests";
    }

    @GetMapping("/classification/requests/{id}")
    String show(@PathVariable UUID id, Model model) {
        Caller caller = Caller.current();
        ClassificationRequest request = requests.find(caller, id);
        return show(caller, request, model, Map.of(), null);
    }

    @PostMapping("/classification/requests/{id}/decision")
    String decide(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = Caller.current();
        ClassificationRequest request = requests.find(caller, id);
        DecisionInput input = decisionOf(form);
        try {
            requests.decide(caller, id, input);
            redirect.addFlashAttribute("done", "decided");
            return "redirect:/classification/requests/" + id;
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fields().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
            return show(caller, request, model, errors, form);
        }
    }

    private String show(
            Caller caller,
            ClassificationRequest request,
            Model model,
            Map<String, String> errors,
            MultiValueMap<String, String> form) {
        ProductVersion version = products.version(caller, request.productId(), request.productVersion());
        ClassificationAssessments.Step step = assessments.assess(version.answers());
        model.addAttribute("request", request);
        model.addAttribute("version", version);
        model.addAttribute("answers", QuestionnaireView.summary(assessments.questionnaire(), version.answers()));
        model.addAttribute("classification", step.classification());
        model.addAttribute(
                "dataChanged", !step.classification().referenceDataSha256().equals(request.referenceDataSha256()));
        model.addAttribute(
                "mayDecide",
                request.open() && caller.isAuthority() && caller.hasAnyRole(Role.CASEWORKER, Role.SENIOR_OFFICER));
        model.addAttribute("regimes", Regime.values());
        model.addAttribute("errors", errors);
        model.addAttribute("decisionForm", form == null ? defaults(request) : form.toSingleValueMap());
        return "classification/request";
    }

    /** The amend form starts from the proposal. */
    private static Map<String, String> defaults(ClassificationRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        request.proposal()
                .regimes()
                .forEach((regime, p) -> form.put("entries" + regime.name(), String.join(", ", p.entries())));
        form.put("riskTier", String.valueOf(request.proposal().riskTier()));
        return form;
    }

    private static DecisionInput decisionOf(MultiValueMap<String, String> form) {
        DecisionInput.Kind kind = Arrays.stream(DecisionInput.Kind.values())
                .filter(k -> k.name().equalsIgnoreCase(String.valueOf(form.getFirst("decision"))))
                .findFirst()
                .orElse(null);
        Rating rating = null;
        if (kind == DecisionInput.Kind.AMEND) {
            Map<Regime, List<String>> entries = new EnumMap<>(Regime.class);
            for (Regime regime : Regime.values()) {
                String value = form.getFirst("entries" + regime.name());
                entries.put(
                        regime,
                        value == null
                                ? List.of()
                                : Arrays.stream(value.split("[,\\s]+"))
                                        .filter(s -> !s.isBlank())
                                        .toList());
            }
            int tier;
            try {
                tier = Integer.parseInt(
                        String.valueOf(form.getFirst("riskTier")).strip());
            } catch (NumberFormatException e) {
                tier = 0;
            }
            rating = new Rating(entries, tier);
        }
        return new DecisionInput(kind, form.getFirst("reasons"), rating);
    }
}
