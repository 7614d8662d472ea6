package org.pallas.server.licensing.exporter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.licensing.ApplicationVersion;
import org.pallas.licensing.ExporterCaseView;
import org.pallas.licensing.ExporterStatus;
import org.pallas.licensing.Outcome;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.VersionChanges;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The exporter's actions on a submitted application: answer an information request, amend (a new version; the old
 * ones are kept and the changes shown), withdraw, read the refusal letter and appeal. Everything is built from the
 * exporter read model ({@link ExporterCaseView}) and the exporter's own application versions; another organisation's
 * case answers 404.
 */
@Controller
class ExporterCasePages {

    private final Cases cases;
    private final Clock clock;
    private final ProductRegister products;

    ExporterCasePages(Cases cases, Clock clock, ProductRegister products) {
        this.cases = cases;
        this.clock = clock;
        this.products = products;
    }

    @PostMapping("/applications/{id}/answer")
    ModelAndView answer(@PathVariable UUID id, @RequestParam(name = "answer", defaultValue = "") String answer) {
        if (answer.isBlank()) {
            return status(id, Map.of("answer", "write your answer to the question"));
        }
        return act(id, "answer", () -> cases.answerInformationRequest(Caller.current(), id, answer));
    }

    @PostMapping("/applications/{id}/withdraw")
    ModelAndView withdraw(
            @PathVariable UUID id, @RequestParam(name = "withdrawReason", defaultValue = "") String reason) {
        if (reason.isBlank()) {
            return status(id, Map.of("withdrawReason", "say why you withdraw the application"));
        }
        return act(id, "withdrawReason", () -> cases.withdraw(Caller.current(), id, reason));
    }

    @PostMapping("/applications/{id}/appeal")
    ModelAndView appeal(@PathVariable UUID id, @RequestParam(name = "grounds", defaultValue = "") String grounds) {
        if (grounds.isBlank()) {
            return appealProblem(id, Map.of("grounds", "give the grounds of your appeal"));
        }
        try {
            cases.appeal(Caller.current(), id, grounds);
        } catch (InvalidInputException e) {
            return appealProblem(id, messages("grounds", e));
        }
        return new ModelAndView("redirect:/applications/" + id);
    }

    /** A refused case shows the problem on its letter; any other case (nothing to appeal) on the application page. */
    private ModelAndView appealProblem(UUID id, Map<String, String> errors) {
        ExporterCaseView view = cases.exporterCase(Caller.current(), id).view();
        return view.decision() != null && view.decision().outcome() == Outcome.REFUSED
                ? letter(id, errors, HttpStatus.BAD_REQUEST)
                : status(id, errors);
    }

    /** The refusal letter: reasons, cited criteria and the appeal deadline by the injected clock (printable). */
    @GetMapping("/applications/{id}/refusal-letter")
    ModelAndView refusalLetter(@PathVariable UUID id) {
        return letter(id, Map.of(), HttpStatus.OK);
    }

    private ModelAndView letter(UUID id, Map<String, String> errors, HttpStatus status) {
        Caller caller = Caller.current();
        Cases.ExporterCase shown = cases.exporterCase(caller, id);
        ExporterCaseView view = shown.view();
        if (view.decision() == null || view.decision().outcome() != Outcome.REFUSED) {
            throw new NotFoundException("Refusal letter", id);
        }
        Cases.Draft draft = shown.draft();
        Instant now = clock.instant();
        Instant deadline = view.decision().appealDeadline();
        ModelAndView page = new ModelAndView("licensing/refusal-letter");
        page.addObject("id", id);
        page.addObject("draft", draft);
        page.addObject("view", view);
        page.addObject("organisation", caller.organisationName());
        page.addObject("decidedOn", LocalDate.ofInstant(view.decision().decidedAt(), ServiceLevelClock.UK));
        page.addObject("deadlineDay", LocalDate.ofInstant(deadline, ServiceLevelClock.UK));
        page.addObject("deadline", deadline);
        page.addObject(
                "daysLeft",
                Math.max(
                        0,
                        ChronoUnit.DAYS.between(
                                LocalDate.ofInstant(now, ServiceLevelClock.UK),
                                LocalDate.ofInstant(deadline, ServiceLevelClock.UK))));
        page.addObject("appealOpen", view.status() == ExporterStatus.REFUSED && !now.isAfter(deadline));
        page.addObject("errors", errors);
        page.setStatus(status);
        return page;
    }

    @GetMapping("/applications/{id}/amend")
    ModelAndView amendForm(@PathVariable UUID id) {
        Cases.Draft draft = cases.draft(Caller.current(), id);
        return amendPage(
                id, draft, ApplicationForm.of(draft.details(), draft.declarations()), "", Map.of(), HttpStatus.OK);
    }

    @PostMapping("/applications/{id}/amend")
    ModelAndView amend(
            @PathVariable UUID id,
            @ModelAttribute ApplicationForm typed,
            @RequestParam(name = "amendReason", defaultValue = "") String reason) {
        Caller caller = Caller.current();
        Cases.Draft draft = cases.draft(caller, id);
        ApplicationForm form =
                typed.withRegisteredName(ApplicationPages.names(ApplicationPages.registered(products, caller)));
        Map<String, String> errors = new LinkedHashMap<>(form.unreadable());
        if (reason.isBlank()) {
            errors.put("amendReason", "say what you changed and why");
        }
        if (!errors.isEmpty()) {
            return amendPage(id, draft, form, reason, errors, HttpStatus.BAD_REQUEST);
        }
        try {
            cases.amend(caller, id, form.toDetails(draft.details()), reason);
        } catch (InvalidInputException e) {
            Map<String, String> problems = FormValidation.add(new LinkedHashMap<>(), e);
            Map<String, String> mapped = new LinkedHashMap<>();
            problems.forEach((k, v) -> mapped.merge(
                    "case".equals(k) ? "amendReason" : ApplicationForm.formField(k), v, (a, b) -> a + "; " + b));
            return amendPage(id, draft, form, reason, mapped, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/applications/" + id + "/versions");
    }

    private ModelAndView amendPage(
            UUID id,
            Cases.Draft draft,
            ApplicationForm form,
            String reason,
            Map<String, String> errors,
            HttpStatus status) {
        return ApplicationPages.fields(
                        "licensing/amend",
                        id,
                        draft,
                        form,
                        ApplicationPages.registered(products, Caller.current()),
                        ApplicationPages.asked(cases.questions(Caller.current(), draft)),
                        errors,
                        status)
                .addObject("amendReason", reason);
    }

    /** Every submitted version with what changed from the one before. */
    @GetMapping("/applications/{id}/versions")
    ModelAndView versions(@PathVariable UUID id) {
        Caller caller = Caller.current();
        Cases.Draft draft = cases.draft(caller, id);
        List<ApplicationVersion> versions = cases.versions(caller, id);
        ModelAndView page = new ModelAndView("licensing/versions");
        page.addObject("id", id);
        page.addObject("draft", draft);
        page.addObject("versions", versions);
        page.addObject("changes", VersionChanges.of(versions));
        return page;
    }

    private ModelAndView act(UUID id, String field, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return status(id, messages(field, e));
        }
        return new ModelAndView("redirect:/applications/" + id);
    }

    private static Map<String, String> messages(String field, InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fields().forEach(f -> errors.merge(field, f.message(), (a, b) -> a + "; " + b));
        return errors;
    }

    /** The application page again with the problem beside the form that caused it. */
    private ModelAndView status(UUID id, Map<String, String> errors) {
        Caller caller = Caller.current();
        ModelAndView page = new ModelAndView("licensing/application-action-error");
        page.addObject("id", id);
        Cases.ExporterCase shown = cases.exporterCase(caller, id);
        page.addObject("draft", shown.draft());
        page.addObject("view", shown.view());
        page.addObject("errors", errors);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
