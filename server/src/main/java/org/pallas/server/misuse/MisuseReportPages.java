package org.pallas.server.misuse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.UnattributedRequests;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The web pages: the public report form at {@code /report} (no account, no JavaScript; a file input for evidence),
 * the receipt page (shown once, never cached), the follow-up with the receipt typed into a form (never in a URL),
 * and the authority's queue and report pages with the assessment and message forms.
 */
@Controller
class MisuseReportPages {

    private final MisuseReports reports;
    private final SourceRateLimit limit;

    MisuseReportPages(MisuseReports reports, SourceRateLimit limit) {
        this.reports = reports;
        this.limit = limit;
    }

    /** The report form as typed: strings, so a wrong date or choice comes back to the form with a message. */
    record ReportForm(
            String vendor,
            String product,
            String operator,
            String country,
            String seenFrom,
            String seenUntil,
            List<String> targetKinds,
            String discovery,
            String account,
            boolean fileUnderOrganisationName) {
        static ReportForm empty() {
            return new ReportForm("", "", "", "", "", "", List.of(), "", "", false);
        }
    }

    // ---- public intake -----------------------------------------------------------------------------------------

    @GetMapping("/report")
    ModelAndView form(HttpServletResponse response) {
        return formPage(ReportForm.empty(), Map.of(), HttpStatus.OK, response);
    }

    @PostMapping("/report")
    ModelAndView file(
            @RequestParam(defaultValue = "") String vendor,
            @RequestParam(defaultValue = "") String product,
            @RequestParam(defaultValue = "") String operator,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String seenFrom,
            @RequestParam(defaultValue = "") String seenUntil,
            @RequestParam(required = false) List<String> targetKinds,
            @RequestParam(defaultValue = "") String discovery,
            @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "false") boolean fileUnderOrganisationName,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ReportForm form = new ReportForm(
                vendor,
                product,
                operator,
                country,
                seenFrom,
                seenUntil,
                targetKinds == null ? List.of() : targetKinds,
                discovery,
                account,
                fileUnderOrganisationName);
        UnattributedRequests.mark(request);
        if (!limit.allow(request.getRemoteAddr())) {
            return formPage(
                    form,
                    Map.of("account", "Too many reports from this connection in the last hour; try again later."),
                    HttpStatus.TOO_MANY_REQUESTS,
                    response);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        MisuseReports.ReportInput input = new MisuseReports.ReportInput(
                vendor,
                product,
                operator,
                country,
                date(seenFrom, "seenFrom", errors),
                date(seenUntil, "seenUntil", errors),
                choices(form.targetKinds(), TargetKind.class, "targetKinds", errors),
                choice(discovery, Discovery.class, "discovery", errors),
                account,
                fileUnderOrganisationName);
        List<MisuseReports.Upload> uploads = new ArrayList<>();
        int n = 0;
        for (MultipartFile f : evidence == null ? List.<MultipartFile>of() : evidence) {
            if (!f.isEmpty()) {
                uploads.add(MisuseReports.Upload.file("evidence[" + n++ + "]", f.getBytes()));
            }
        }
        if (!errors.isEmpty()) {
            return formPage(form, errors, HttpStatus.BAD_REQUEST, response);
        }
        try {
            MisuseReports.Receipt receipt = reports.file(Caller.find(), input, uploads);
            noStore(response);
            return new ModelAndView("misuse/receipt", Map.of("receipt", receipt), HttpStatus.CREATED);
        } catch (InvalidInputException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            // Evidence problems name JSON paths (evidence[0].objects[3].pattern): all shown by the file input.
            e.fields()
                    .forEach(p -> problems.merge(
                            p.field().startsWith("evidence") ? "evidence" : p.field(),
                            p.field().startsWith("evidence[") ? p.field() + ": " + p.message() : p.message(),
                            (a, b) -> a + "; " + b));
            return formPage(form, problems, HttpStatus.BAD_REQUEST, response);
        } catch (MaxUploadSizeExceededException e) {
            return formPage(
                    form,
                    Map.of("evidence", "The evidence is larger than 10 MB in all; send the largest files separately"),
                    HttpStatus.CONTENT_TOO_LARGE,
                    response);
        }
    }

    private ModelAndView formPage(
            ReportForm form, Map<String, String> errors, HttpStatus status, HttpServletResponse response) {
        noStore(response);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("targetKinds", TargetKind.values());
        model.put("discoveries", Discovery.values());
        model.put(
                "organisation",
                Caller.find()
                        .filter(Caller::isCivilSociety)
                        .map(Caller::organisationName)
                        .orElse(null));
        return new ModelAndView("misuse/report-form", model, status);
    }

    @GetMapping("/report/follow-up")
    ModelAndView followUpForm(HttpServletResponse response) {
        noStore(response);
        return new ModelAndView("misuse/follow-up", Map.of("errors", Map.of()));
    }

    @PostMapping("/report/follow-up")
    ModelAndView followUp(
            @RequestParam(defaultValue = "") String receipt, HttpServletRequest request, HttpServletResponse response) {
        return followUpPage(receipt, request, response, () -> reports.followUp(receipt), HttpStatus.OK);
    }

    @PostMapping("/report/follow-up/messages")
    ModelAndView reply(
            @RequestParam(defaultValue = "") String receipt,
            @RequestParam(defaultValue = "") String text,
            HttpServletRequest request,
            HttpServletResponse response) {
        return followUpPage(receipt, request, response, () -> reports.reply(receipt, text), HttpStatus.OK);
    }

    private ModelAndView followUpPage(
            String receipt,
            HttpServletRequest request,
            HttpServletResponse response,
            java.util.function.Supplier<MisuseReports.FollowUp> action,
            HttpStatus status) {
        noStore(response);
        UnattributedRequests.mark(request);
        if (!limit.allow(request.getRemoteAddr())) {
            return new ModelAndView(
                    "misuse/follow-up",
                    Map.of("errors", Map.of("receipt", "Too many attempts from this connection; try again later.")),
                    HttpStatus.TOO_MANY_REQUESTS);
        }
        try {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("followUp", action.get());
            // The receipt goes back only into the page's message form (a POST body), never into a link.
            model.put("receipt", receipt);
            model.put("errors", Map.of());
            return new ModelAndView("misuse/follow-up", model, status);
        } catch (org.pallas.server.platform.NotFoundException e) {
            return new ModelAndView(
                    "misuse/follow-up",
                    Map.of("errors", Map.of("receipt", "No report has this receipt. Check it and try again.")),
                    HttpStatus.NOT_FOUND);
        } catch (InvalidInputException e) {
            Map<String, String> errors = FormValidation.add(new LinkedHashMap<>(), e);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("errors", errors);
            if (!errors.containsKey("receipt")) {
                model.put("followUp", reports.followUp(receipt));
                model.put("receipt", receipt);
            }
            return new ModelAndView("misuse/follow-up", model, HttpStatus.BAD_REQUEST);
        }
    }

    // ---- the authority's pages (and a filing organisation's own reports) ----------------------------------------

    @GetMapping("/misuse-reports")
    ModelAndView queue(@RequestParam(required = false) String status) {
        Caller caller = Caller.current();
        ReportStatus filter = status == null || status.isBlank()
                ? null
                : Arrays.stream(ReportStatus.values())
                        .filter(s -> s.name().equals(status))
                        .findFirst()
                        .orElse(null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reports", reports.list(caller, filter));
        model.put("status", filter);
        model.put("statuses", ReportStatus.values());
        model.put("authority", MisuseReports.readsAll(caller));
        model.put("statistics", reports.statistics());
        return new ModelAndView("misuse/reports", model);
    }

    @GetMapping("/misuse-reports/{id}")
    ModelAndView show(@PathVariable UUID id) {
        return page(id, Map.of(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/misuse-reports/{id}/assessment")
    ModelAndView assess(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String evidenceRating,
            @RequestParam(defaultValue = "") String sourceReliability,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String reasons,
            @RequestParam(defaultValue = "") String vendors,
            @RequestParam(defaultValue = "") String products,
            @RequestParam(defaultValue = "") String endUsers,
            @RequestParam(defaultValue = "") String licences,
            @RequestParam(defaultValue = "") String cases) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("evidenceRating", evidenceRating);
        values.put("sourceReliability", sourceReliability);
        values.put("outcome", outcome);
        values.put("reasons", reasons);
        values.put("vendors", vendors);
        values.put("products", products);
        values.put("endUsers", endUsers);
        values.put("licences", licences);
        values.put("cases", cases);
        Map<String, String> errors = new LinkedHashMap<>();
        MisuseReports.AssessmentInput input = new MisuseReports.AssessmentInput(
                choice(evidenceRating, EvidenceRating.class, "evidenceRating", errors),
                choice(sourceReliability, SourceReliability.class, "sourceReliability", errors),
                choice(outcome, TriageOutcome.class, "outcome", errors),
                reasons,
                lines(vendors),
                lines(products),
                endUsers(endUsers, errors),
                lines(licences),
                lines(cases));
        if (!errors.isEmpty()) {
            return page(id, errors, values, HttpStatus.BAD_REQUEST);
        }
        try {
            reports.assess(Caller.current(), id, input);
            return new ModelAndView("redirect:/misuse-reports/" + id);
        } catch (InvalidInputException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.fields().forEach(p -> problems.putIfAbsent(p.field().replaceAll("\\[\\d+].*", ""), p.message()));
            return page(id, problems, values, HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/misuse-reports/{id}/messages")
    ModelAndView message(@PathVariable UUID id, @RequestParam(defaultValue = "") String text) {
        try {
            reports.message(Caller.current(), id, text);
            return new ModelAndView("redirect:/misuse-reports/" + id);
        } catch (InvalidInputException e) {
            return page(id, FormValidation.add(new LinkedHashMap<>(), e), Map.of("text", text), HttpStatus.BAD_REQUEST);
        }
    }

    /** An evidence file, as an attachment that the browser must not sniff or render in the page. */
    @GetMapping("/misuse-reports/{id}/evidence/{position}")
    ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable int position) {
        Map.Entry<MisuseReports.Evidence, byte[]> file = reports.evidence(Caller.current(), id, position);
        MisuseReports.Evidence e = file.getKey();
        String extension = switch (e.kind()) {
            case STIX_BUNDLE -> "stix2";
            case PDF -> "pdf";
            case PNG -> "png";
            case JPEG -> "jpg";
        };
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(e.sha256().substring(0, 16) + "." + extension)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.getValue());
    }

    private ModelAndView page(UUID id, Map<String, String> errors, Map<String, String> values, HttpStatus status) {
        Caller caller = Caller.current();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", reports.read(caller, id));
        model.put("errors", errors);
        model.put("values", values);
        model.put("triages", MisuseReports.triages(caller));
        model.put("writes", MisuseReports.triages(caller) || caller.isCivilSociety());
        model.put("ratings", EvidenceRating.values());
        model.put("reliabilities", SourceReliability.values());
        model.put("outcomes", TriageOutcome.values());
        return new ModelAndView("misuse/report", model, status);
    }

    // ---- form parsing ------------------------------------------------------------------------------------------

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter the date as YYYY-MM-DD");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, "Choose one of the options");
            return null;
        }
    }

    private static <E extends Enum<E>> List<E> choices(
            List<String> values, Class<E> type, String field, Map<String, String> errors) {
        List<E> out = new ArrayList<>();
        for (String v : values) {
            Optional.ofNullable(choice(v, type, field, errors)).ifPresent(out::add);
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** One end user per line, "name, country code" (the country after the last comma). */
    private static List<MisuseReports.EndUserLink> endUsers(String text, Map<String, String> errors) {
        List<MisuseReports.EndUserLink> out = new ArrayList<>();
        for (String line : lines(text)) {
            int comma = line.lastIndexOf(',');
            if (comma < 1) {
                errors.put("endUsers", "Write each end user as: name, country code (e.g. Ministry of Interior, MX)");
                continue;
            }
            out.add(new MisuseReports.EndUserLink(
                    line.substring(0, comma).strip(), line.substring(comma + 1).strip()));
        }
        return out;
    }
}
