package org.pallas.server.licensing.exporter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.FieldError;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.Safeguard;
import org.pallas.server.classification.Product;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.licensing.cases.CaseQueries;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.cases.SubmissionAssessments;
import org.pallas.server.licensing.cases.Undertakings;
import org.pallas.server.licensing.licences.LicenceStore;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/** The exporter's pages: list, start, edit and submit an application, follow it and see the decision. */
@Controller
class ApplicationPages {

    private final Cases cases;
    private final CaseQueries queries;
    private final LicenceStore licences;
    private final Undertakings undertakings;
    private final ProductRegister products;

    ApplicationPages(
            Cases cases,
            CaseQueries queries,
            LicenceStore licences,
            Undertakings undertakings,
            ProductRegister products) {
        this.cases = cases;
        this.queries = queries;
        this.licences = licences;
        this.undertakings = undertakings;
        this.products = products;
    }

    @GetMapping("/applications")
    ModelAndView list() {
        return new ModelAndView(
                "licensing/applications", Map.of("applications", queries.applications(Caller.current())));
    }

    @PostMapping("/applications")
    String start(@RequestParam(name = "type", defaultValue = "INDIVIDUAL") String type) {
        // A general authorisation is registered under its published terms, not started here.
        LicenceType chosen = "OPEN".equals(type) ? LicenceType.OPEN : LicenceType.INDIVIDUAL;
        UUID id = cases.startDraft(
                Caller.current(), chosen, ApplicationDetails.empty(), new CaseCommand.Declarations(null, null));
        return "redirect:/applications/" + id + "/edit";
    }

    @GetMapping("/applications/{id}")
    ModelAndView show(@PathVariable UUID id) {
        return page(id, Map.of(), HttpStatus.OK);
    }

    private ModelAndView page(UUID id, Map<String, String> errors, HttpStatus status) {
        Caller caller = Caller.current();
        Cases.ExporterCase shown = cases.exporterCase(caller, id);
        ModelAndView page = new ModelAndView("licensing/application");
        page.addObject("id", id);
        page.addObject("draft", shown.draft());
        page.addObject("view", shown.view());
        page.addObject("sla", shown.serviceLevel());
        page.addObject("problems", links(shown.problems()));
        page.addObject("licence", licences.forCase(id, caller.organisationId()).orElse(null));
        page.addObject(
                "errors",
                links(errors.entrySet().stream()
                        .map(e -> new FieldError(e.getKey(), e.getValue()))
                        .toList()));
        page.setStatus(status);
        return page;
    }

    /** A problem with the anchor of its field on the edit page. */
    record ProblemLink(String anchor, String message) {}

    private static List<ProblemLink> links(List<FieldError> errors) {
        return errors.stream()
                .map(e -> new ProblemLink(ApplicationForm.formField(e.field()), e.message()))
                .toList();
    }

    @GetMapping("/applications/{id}/edit")
    ModelAndView edit(@PathVariable UUID id) {
        Caller caller = Caller.current();
        Cases.Draft draft = cases.draft(caller, id);
        return form(id, draft, ApplicationForm.of(draft.details(), draft.declarations()), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/applications/{id}/edit")
    ModelAndView save(@PathVariable UUID id, @ModelAttribute ApplicationForm typed) {
        Caller caller = Caller.current();
        Cases.Draft draft = cases.draft(caller, id);
        ApplicationForm form = typed.withRegisteredName(names(registered(products, caller)));
        // "Add another end user" and "remove" re-render the form with the rows changed; nothing is saved yet.
        if (form.addParty() != null) {
            return form(id, draft, form.withAnotherRow(), Map.of(), HttpStatus.OK);
        }
        if (form.removeParty() != null && form.removeParty().matches("\\d{1,3}")) {
            return form(id, draft, form.withoutRow(Integer.parseInt(form.removeParty())), Map.of(), HttpStatus.OK);
        }
        Map<String, String> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            return form(id, draft, form, unreadable, HttpStatus.BAD_REQUEST);
        }
        Cases.ExporterCase saved;
        try {
            saved = cases.saveDraft(caller, id, form.toDetails(draft.details()), form.declarations());
        } catch (InvalidInputException e) {
            return form(
                    id, draft, form, FormValidation.add(new java.util.LinkedHashMap<>(), e), HttpStatus.BAD_REQUEST);
        }
        // Saved: show what is still missing beside each field.
        return form(id, saved.draft(), form, ApplicationForm.messages(saved.problems()), HttpStatus.OK)
                .addObject("saved", true);
    }

    private ModelAndView form(
            UUID id, Cases.Draft draft, ApplicationForm form, Map<String, String> errors, HttpStatus status) {
        Caller caller = Caller.current();
        return fields(
                "licensing/application-form",
                id,
                draft,
                form,
                registered(products, caller),
                asked(cases.questions(caller, draft)),
                errors,
                status);
    }

    /** The products of the caller's own register, newest first: the ones its application may name. */
    static List<Product> registered(ProductRegister products, Caller caller) {
        return products.list(caller).stream()
                .filter(p -> p.organisationId().equals(caller.organisationId()))
                .toList();
    }

    /** The register's product names by register id, for a product chosen without a name typed. */
    static Map<String, String> names(List<Product> registered) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        registered.forEach(p -> names.put(p.id().toString(), p.name()));
        return names;
    }

    /**
     * The form fields the risk asks for: {@code targetedUse}, and {@code oversight} when the first end user's oversight
     * is asked (the form edits the first end user's; the API states any party's).
     */
    static java.util.Set<String> asked(List<SubmissionAssessments.Question> questions) {
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (SubmissionAssessments.Question q : questions) {
            if (q.field().equals("targetedUse")) {
                asked.add("targetedUse");
            } else if (q.field().equals("parties[0].oversight")) {
                asked.add("oversight");
            }
        }
        return asked;
    }

    /**
     * A page with the application's fields (the draft's form, the amendment) and the choices they offer, among them
     * the products of the exporter's register.
     */
    static ModelAndView fields(
            String template,
            UUID id,
            Cases.Draft draft,
            ApplicationForm form,
            List<Product> registered,
            java.util.Set<String> asked,
            Map<String, String> errors,
            HttpStatus status) {
        ModelAndView page = new ModelAndView(template);
        page.addObject("asked", asked);
        page.addObject("registeredProducts", registered);
        page.addObject("id", id);
        page.addObject("draft", draft);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("categories", Cases.CATEGORIES);
        page.addObject("endUserTypes", EndUserType.values());
        page.addObject("safeguardChoices", Safeguard.values());
        page.setStatus(status);
        return page;
    }

    @PostMapping("/applications/{id}/undertaking")
    ModelAndView upload(@PathVariable UUID id, @RequestParam(name = "undertaking", required = false) MultipartFile file)
            throws IOException {
        Caller caller = Caller.current();
        try {
            undertakings.upload(caller, id, file == null ? null : file.getBytes());
        } catch (InvalidInputException e) {
            Cases.Draft draft = cases.draft(caller, id);
            return form(
                    id,
                    draft,
                    ApplicationForm.of(draft.details(), draft.declarations()),
                    FormValidation.add(new java.util.LinkedHashMap<>(), e),
                    HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/applications/" + id + "/edit");
    }

    @PostMapping("/applications/{id}/submit")
    ModelAndView submit(@PathVariable UUID id) {
        try {
            cases.submit(Caller.current(), id);
        } catch (InvalidInputException e) {
            return page(id, FormValidation.add(new java.util.LinkedHashMap<>(), e), HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/applications/" + id);
    }
}
