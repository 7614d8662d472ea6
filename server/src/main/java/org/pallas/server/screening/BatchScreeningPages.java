package org.pallas.server.screening;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch screening pages: upload a CSV or NDJSON file, follow its progress (the page refreshes itself with
 * an HTTP {@code Refresh} header while the job runs, no JavaScript needed), read the results and download them.
 */
@Controller
class BatchScreeningPages {

    private final BatchScreenings batches;
    private final RestrictedLists lists;
    private final JsonMapper json;

    BatchScreeningPages(BatchScreenings batches, RestrictedLists lists, JsonMapper json) {
        this.batches = batches;
        this.lists = lists;
        this.json = json;
    }

    @GetMapping("/screening/batch")
    String form(Model model) {
        return form(model, Caller.current(), Map.of());
    }

    @PostMapping("/screening/batch")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        Caller caller = Caller.current();
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "screen names");
        Map<String, String> errors = new LinkedHashMap<>();
        if (file == null || file.isEmpty()) {
            errors.put("file", "Choose a CSV or NDJSON file to screen");
            return form(model, caller, errors);
        }
        if (file.getSize() > batches.maxBytes) {
            errors.put("file", "The file is larger than the limit of " + batches.maxBytes + " bytes");
            return form(model, caller, errors);
        }
        String fileName = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        try {
            BatchFile parsed = BatchFile.parse(fileName, file.getBytes(), batches.maxBytes, batches.maxRows, json);
            UUID id = batches.start(caller, fileName, parsed);
            return "redirect:/screening/batch/" + id;
        } catch (BatchFile.Rejected e) {
            errors.put("file", e.getMessage());
        } catch (InvalidInputException e) {
            FormValidation.add(errors, e);
        }
        return form(model, caller, errors);
    }

    private String form(Model model, Caller caller, Map<String, String> errors) {
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "screen names");
        model.addAttribute("errors", errors);
        model.addAttribute("maxBytes", batches.maxBytes);
        model.addAttribute("maxRows", batches.maxRows);
        model.addAttribute("listsLoaded", lists.loaded());
        model.addAttribute("jobs", batches.recent(caller));
        return "screening/batch";
    }

    @GetMapping("/screening/batch/{id}")
    String job(@PathVariable UUID id, Model model, HttpServletResponse response) {
        Caller caller = Caller.current();
        BatchScreenings.Job job = batches.find(caller, id);
        if (job.running()) {
            response.setHeader("Refresh", "2");
        }
        model.addAttribute("job", job);
        List<BatchScreenings.Result> results = job.running() ? List.of() : batches.results(caller, id);
        model.addAttribute("results", results);
        model.addAttribute(
                "versions",
                results.stream()
                        .filter(r -> r.error() == null)
                        .findFirst()
                        .map(BatchScreenings.Result::listVersions)
                        .orElse(List.of()));
        return "screening/batch-job";
    }

    @GetMapping(path = "/screening/batch/{id}/results.ndjson")
    ResponseEntity<byte[]> ndjson(@PathVariable UUID id) {
        StringBuilder out = new StringBuilder();
        for (BatchScreenings.Result r : batches.results(Caller.current(), id)) {
            out.append(json.writeValueAsString(r)).append('\n');
        }
        return download(id, "ndjson", ScreeningApi.NDJSON, out.toString());
    }

    @GetMapping(path = "/screening/batch/{id}/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        StringBuilder out =
                new StringBuilder("line,name,bestMatch,source,entryId,score,alert,error,listVersions,explanation\n");
        for (BatchScreenings.Result r : batches.results(Caller.current(), id)) {
            out.append(r.line())
                    .append(',')
                    .append(cell(r.name()))
                    .append(',')
                    .append(cell(r.bestMatch()))
                    .append(',')
                    .append(cell(r.source()))
                    .append(',')
                    .append(cell(r.entryId()))
                    .append(',')
                    .append(r.score() == null ? "" : String.format(Locale.ROOT, "%.3f", r.score()))
                    .append(',')
                    .append(r.alert())
                    .append(',')
                    .append(cell(r.error()))
                    .append(',')
                    .append(cell(String.join("; ", r.listVersions())))
                    .append(',')
                    .append(cell(String.join(" | ", r.explanation())))
                    .append('\n');
        }
        return download(id, "csv", MediaType.parseMediaType("text/csv"), out.toString());
    }

    private static ResponseEntity<byte[]> download(UUID id, String extension, MediaType type, String body) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"screening-batch-" + id + "." + extension + "\"")
                .contentType(new MediaType(type, StandardCharsets.UTF_8))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A CSV cell, quoted, with spreadsheet formula prefixes neutralised. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
