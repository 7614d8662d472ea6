package org.pallas.server.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.classification.view.QuestionnaireView;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
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
 * The product register in the browser, with the guided questionnaire: each "Continue" posts the
 * answers and re-renders only the questions that now apply; "Save" writes the product (a new version
 * when changing one). Works without JavaScript.
 */
@Controller
class ProductPages {

    private final ProductRegister products;
    private final ClassificationRequests requests;
    private final ClassificationAssessments assessments;
    private final FormValidation validation;

    ProductPages(
            ProductRegister products,
            ClassificationRequests requests,
            ClassificationAssessments assessments,
            FormValidation validation) {
        this.products = products;
        this.requests = requests;
        this.assessments = assessments;
        this.validation = validation;
    }

    @GetMapping("/products")
    String list(Model model) {
        Caller caller = Caller.current();
        model.addAttribute("products", products.list(caller));
        model.addAttribute("mayRegister", mayRegister(caller));
        return "classification/products";
    }

    @GetMapping("/products/new")
    String newProduct(Model model) {
        ProductRegister.requireExporter(Caller.current());
        return form(model, null, new ProductInput("", "", "", Map.of()), Map.of(), false);
    }

    @PostMapping("/products/new")
    String register(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Caller caller = Caller.current();
        ProductRegister.requireExporter(caller);
        ProductInput input = input(form);
        if (!"save".equals(form.getFirst("action"))) {
            return form(model, null, input, Map.of(), false);
        }
        Map<String, String> errors = validation.errors(input);
        if (errors.isEmpty()) {
            try {
                Product product = products.register(caller, input);
                redirect.addFlashAttribute("done", "registered");
                return "redirect:/products/" + product.id();
            } catch (InvalidInputException e) {
                FormValidation.add(errors, e);
            }
        }
        return form(model, null, input, errors, true);
    }

    @GetMapping("/products/{id}")
    String show(@PathVariable UUID id, Model model) {
        Caller caller = Caller.current();
        Product product = products.find(caller, id);
        ClassificationAssessments.Step step = assessments.assess(product.answers());
        model.addAttribute("product", product);
        model.addAttribute("answers", QuestionnaireView.summary(assessments.questionnaire(), product.answers()));
        model.addAttribute("step", step);
        model.addAttribute("classification", step.classification());
        model.addAttribute("versions", products.versions(caller, id));
        List<ClassificationRequest> history = requests.forProduct(caller, id);
        model.addAttribute("requests", history);
        model.addAttribute("rating", requests.latest(caller, id).orElse(null));
        boolean owner = caller.isExporter()
                && caller.hasRole(Role.EXPORTER)
                && caller.organisationId().equals(product.organisationId());
        model.addAttribute("owner", owner);
        model.addAttribute(
                "mayRequest", owner && step.complete() && history.stream().noneMatch(ClassificationRequest::open));
        return "classification/product";
    }

    @GetMapping("/products/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Caller caller = Caller.current();
        Product product = products.find(caller, id);
        ProductRegister.requireExporter(caller);
        return form(
                model,
                product,
                new ProductInput(product.name(), product.reference(), product.summary(), product.answers()),
                Map.of(),
                false);
    }

    @PostMapping("/products/{id}/edit")
    String revise(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = Caller.current();
        Product product = products.find(caller, id);
        ProductRegister.requireExporter(caller);
        ProductInput input = input(form);
        if (!"save".equals(form.getFirst("action"))) {
            return form(model, product, input, Map.of(), false);
        }
        Map<String, String> errors = validation.errors(input);
        if (errors.isEmpty()) {
            try {
                products.revise(caller, id, input);
                redirect.addFlashAttribute("done", "revised");
                return "redirect:/products/" + id;
            } catch (InvalidInputException e) {
                FormValidation.add(errors, e);
            }
        }
        return form(model, product, input, errors, true);
    }

    @PostMapping("/products/{id}/classification-requests")
    String submit(
            @PathVariable UUID id,
            @RequestParam(name = "note", required = false) String note,
            RedirectAttributes redirect) {
        Caller caller = Caller.current();
        try {
            ClassificationRequest request = requests.submit(caller, id, note);
            redirect.addFlashAttribute("done", "submitted");
            return "redirect:/classification/requests/" + request.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.fields().get(0).message());
            return "redirect:/products/" + id;
        }
    }

    private String form(Model model, Product product, ProductInput input, Map<String, String> errors, boolean saving) {
        QuestionnaireView view = QuestionnaireView.of(assessments, input.answers());
        Map<String, String> all = new LinkedHashMap<>(errors);
        view.errors().forEach(all::putIfAbsent);
        model.addAttribute("product", product);
        model.addAttribute("form", input);
        model.addAttribute("view", view);
        model.addAttribute("errors", all);
        model.addAttribute("saving", saving);
        return "classification/product-form";
    }

    private ProductInput input(MultiValueMap<String, String> form) {
        return new ProductInput(
                form.getFirst("name"),
                form.getFirst("reference"),
                form.getFirst("summary"),
                QuestionnaireView.answersOf(form, assessments.questionnaire()));
    }

    static boolean mayRegister(Caller caller) {
        return caller.isExporter() && caller.hasRole(Role.EXPORTER);
    }
}
