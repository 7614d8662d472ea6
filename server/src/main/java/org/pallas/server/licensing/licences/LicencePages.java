package org.pallas.server.licensing.licences;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.UsageKind;
import org.pallas.server.ledger.LedgerReads;
import org.pallas.server.licensing.notifications.Notifications;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Licence pages. The holder (exporter) sees its own organisation's licences (another organisation's is 404), reports
 * use and surrenders; the authority sees all, suspends, reinstates, revokes, records misuse evidence and reviews
 * flags; oversight and auditors read. Review flags and officers' identities never reach the exporter's page.
 */
@Controller
class LicencePages {

    /** Events the holder does not see: review flags are regulator-only. */
    private static final Set<String> REGULATOR_ONLY_EVENTS = Set.of("LicenceFlaggedForReview", "ReviewFlagsCleared");

    private final Licences licences;
    private final LicenceDocuments documents;
    private final Notifications notifications;

    LicencePages(Licences licences, LicenceDocuments documents, Notifications notifications) {
        this.licences = licences;
        this.documents = documents;
        this.notifications = notifications;
    }

    /** A history line with its ledger entry (index null until sequenced). */
    record Line(LicenceStore.HistoryLine line, Long ledgerIndex) {}

    @GetMapping("/licences")
    ModelAndView list(@RequestParam(name = "flagged", defaultValue = "false") boolean flagged) {
        Caller caller = Caller.current();
        ModelAndView view = new ModelAndView("licensing/licences");
        view.addObject("licences", licences.list(caller, flagged));
        view.addObject("flagged", flagged && !caller.isExporter());
        view.addObject("exporter", caller.isExporter());
        return view;
    }

    @GetMapping("/licences/{id}")
    ModelAndView show(@PathVariable UUID id) {
        return page(id, Map.of(), Map.of(), HttpStatus.OK);
    }

    private ModelAndView page(UUID id, Map<String, String> errors, Map<String, String> values, HttpStatus status) {
        Caller caller = Caller.current();
        LicenceStore.Loaded loaded = licences.read(caller, id);
        boolean exporter = caller.isExporter();
        List<LicenceStore.HistoryLine> history = licences.history(caller, id);
        List<LedgerReads.Recorded> recorded = documents.recorded(id);
        java.util.ArrayList<Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            LicenceStore.HistoryLine h = history.get(i);
            if (exporter && REGULATOR_ONLY_EVENTS.contains(h.event())) {
                continue;
            }
            lines.add(new Line(h, i < recorded.size() ? recorded.get(i).index() : null));
        }
        ModelAndView view = new ModelAndView("licensing/licence");
        view.addObject("id", id);
        view.addObject("loaded", loaded);
        view.addObject("l", loaded.licence());
        view.addObject("exporter", exporter);
        view.addObject("view", exporter ? licences.exporterView(caller, id) : null);
        view.addObject("flags", exporter ? List.of() : loaded.licence().reviewFlags());
        view.addObject("history", lines);
        view.addObject("verification", documents.verification(id));
        view.addObject("kinds", UsageKind.values());
        view.addObject(
                "caseworker", caller.hasRole(org.pallas.server.platform.Role.CASEWORKER) && caller.isAuthority());
        view.addObject(
                "senior", caller.hasRole(org.pallas.server.platform.Role.SENIOR_OFFICER) && caller.isAuthority());
        view.addObject("errors", errors);
        view.addObject("values", values);
        view.setStatus(status);
        return view;
    }

    @GetMapping("/licences/{id}/document.pdf")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        byte[] pdf = documents.pdf(Caller.current(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"licence-" + id + ".pdf\"")
                .body(pdf);
    }

    @PostMapping("/licences/{id}/usage")
    ModelAndView usage(
            @PathVariable UUID id,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "quantity", defaultValue = "") String quantity,
            @RequestParam(name = "occurredOn", defaultValue = "") String occurredOn,
            @RequestParam(name = "reference", defaultValue = "") String reference) {
        Map<String, String> values = Map.of(
                "kind",
                kind == null ? "" : kind,
                "quantity",
                quantity,
                "occurredOn",
                occurredOn,
                "reference",
                reference);
        Map<String, String> errors = new LinkedHashMap<>();
        UsageKind k = null;
        try {
            k = kind == null || kind.isBlank() ? null : UsageKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            errors.put("kind", "Choose what you are reporting");
        }
        Long q = null;
        try {
            q = quantity.isBlank() ? null : Long.valueOf(quantity.strip());
        } catch (NumberFormatException e) {
            errors.put("quantity", "Enter a whole number of at least 1");
        }
        LocalDate on = null;
        try {
            on = occurredOn.isBlank() ? null : LocalDate.parse(occurredOn.strip());
        } catch (DateTimeParseException e) {
            errors.put("occurredOn", "Enter the date of the use as YYYY-MM-DD");
        }
        if (!errors.isEmpty()) {
            return page(id, errors, values, HttpStatus.BAD_REQUEST);
        }
        UsageKind fk = k;
        Long fq = q;
        LocalDate fon = on;
        return act(
                id,
                values,
                f -> f.equals("status") ? "kind" : f,
                () -> licences.reportUsage(Caller.current(), id, fk, fq, fon, reference));
    }

    @PostMapping("/licences/{id}/surrender")
    ModelAndView surrender(@PathVariable UUID id, @RequestParam(name = "reason", defaultValue = "") String reason) {
        return act(
                id,
                Map.of("surrender-reason", reason),
                f -> "surrender-reason",
                () -> licences.surrender(Caller.current(), id, reason));
    }

    @PostMapping("/licences/{id}/suspend")
    ModelAndView suspend(@PathVariable UUID id, @RequestParam(name = "reason", defaultValue = "") String reason) {
        return act(id, Map.of(), f -> "suspend-reason", () -> licences.suspend(Caller.current(), id, reason));
    }

    @PostMapping("/licences/{id}/reinstate")
    ModelAndView reinstate(@PathVariable UUID id, @RequestParam(name = "reason", defaultValue = "") String reason) {
        return act(id, Map.of(), f -> "reinstate-reason", () -> licences.reinstate(Caller.current(), id, reason));
    }

    @PostMapping("/licences/{id}/revoke")
    ModelAndView revoke(@PathVariable UUID id, @RequestParam(name = "reason", defaultValue = "") String reason) {
        return act(id, Map.of(), f -> "revoke-reason", () -> licences.revoke(Caller.current(), id, reason));
    }

    @PostMapping("/licences/{id}/clear-flags")
    ModelAndView clearFlags(@PathVariable UUID id, @RequestParam(name = "reason", defaultValue = "") String reason) {
        return act(id, Map.of(), f -> "clear-reason", () -> licences.clearReviewFlags(Caller.current(), id, reason));
    }

    @PostMapping("/licences/{id}/misuse")
    ModelAndView misuse(@PathVariable UUID id, @RequestParam(name = "evidence", defaultValue = "") String evidence) {
        return act(
                id,
                Map.of("evidence", evidence),
                f -> "evidence",
                () -> licences.recordMisuseEvidence(Caller.current(), id, evidence));
    }

    /** Runs the action; a refusal comes back as the page with the message next to the form field {@code key} names. */
    private ModelAndView act(
            UUID id, Map<String, String> values, java.util.function.UnaryOperator<String> key, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fields().forEach(f -> errors.merge(key.apply(f.field()), f.message(), (a, b) -> a + "; " + b));
            return page(id, errors, values, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/licences/" + id);
    }

    // ---- notifications -----------------------------------------------------------------------------------------

    @GetMapping("/notifications")
    ModelAndView notifications() {
        Caller caller = Caller.current();
        ModelAndView view = new ModelAndView("licensing/notifications");
        view.addObject("notifications", notifications.mine(caller));
        view.addObject("unread", notifications.unread(caller));
        return view;
    }

    @PostMapping("/notifications/{id}/read")
    ModelAndView read(@PathVariable UUID id) {
        notifications.markRead(Caller.current(), id);
        return new ModelAndView("redirect:/notifications");
    }

    @PostMapping("/notifications/read")
    ModelAndView readAll() {
        notifications.markAllRead(Caller.current());
        return new ModelAndView("redirect:/notifications");
    }
}
