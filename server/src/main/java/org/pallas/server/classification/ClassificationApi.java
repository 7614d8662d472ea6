package org.pallas.server.classification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.classification.Classification;
import org.pallas.classification.capability.FieldError;
import org.pallas.classification.questionnaire.Question;
import org.pallas.classification.reference.ControlEntry;
import org.pallas.classification.reference.ReferenceNote;
import org.pallas.classification.reference.Regime;
import org.pallas.classification.reference.RegimeText;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The classification JSON API: questionnaire, self-assessment, control list, product register, requests. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Classification", description = "Product register, control-list classification and the authority's rating")
class ClassificationApi {

    private final ClassificationAssessments assessments;
    private final ProductRegister products;
    private final ClassificationRequests requests;

    ClassificationApi(
            ClassificationAssessments assessments, ProductRegister products, ClassificationRequests requests) {
        this.assessments = assessments;
        this.products = products;
        this.requests = requests;
    }

    record AssessRequest(
            @NotNull(message = "Give the answers (question id to option ids; may be empty)")
            Map<String, List<String>> answers) {}

    record AssessResponse(
            Map<String, List<String>> answers,
            List<FieldError> notices,
            List<Map<String, Object>> nextQuestions,
            boolean complete,
            Classification classification) {}

    record ControlList(
            String version,
            String sha256,
            Collection<RegimeText> regimes,
            Collection<ControlEntry> entries,
            Collection<ReferenceNote> notes) {}

    record SubmitRequest(
            @Size(max = 2000, message = "Note must be 2000 characters or fewer")
            String note) {}

    @GetMapping("/classification/questionnaire")
    @Operation(summary = "Every question of the capability questionnaire, with help, options and when it applies")
    List<Map<String, Object>> questionnaire() {
        return assessments.questionnaire().questions().stream()
                .map(Question::toJsonModel)
                .toList();
    }

    @PostMapping(path = "/classification/assess", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Stateless self-assessment: answers in; the questions still to answer and the classification"
                    + " per regime (WA, EU, UK, US) with its cited explanation, Art. 5 and ACE flags and risk tier out")
    AssessResponse assess(@Valid @RequestBody AssessRequest request) {
        ClassificationAssessments.Step step = assessments.assess(request.answers());
        return new AssessResponse(
                step.answers().asMap(),
                step.notices(),
                step.next().stream().map(Question::toJsonModel).toList(),
                step.complete(),
                step.classification());
    }

    @GetMapping("/control-list")
    @Operation(summary = "The control-list reference data: entries, notes and definitions, with citations and rule IDs")
    ControlList controlList() {
        var data = assessments.referenceData();
        return new ControlList(
                data.version(),
                data.sha256(),
                java.util.Arrays.stream(Regime.values()).map(data::regime).toList(),
                data.entries(),
                data.notes());
    }

    @GetMapping("/products")
    @Operation(summary = "Products you may see (an exporter: its own), most recently changed first")
    List<Product> listProducts() {
        return products.list(Caller.current());
    }

    @PostMapping(path = "/products", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a product of your organisation (EXPORTER)")
    ResponseEntity<Product> registerProduct(@Valid @RequestBody ProductInput input) {
        Product created = products.register(Caller.current(), input);
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                .body(created);
    }

    @GetMapping("/products/{id}")
    @Operation(summary = "A product you may see, as of its current version; 404 otherwise")
    Product product(@PathVariable UUID id) {
        return products.find(Caller.current(), id);
    }

    @PutMapping(path = "/products/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change one of your products: writes a new version (EXPORTER of the owner)")
    Product reviseProduct(@PathVariable UUID id, @Valid @RequestBody ProductInput input) {
        return products.revise(Caller.current(), id, input);
    }

    @GetMapping("/products/{id}/versions")
    @Operation(summary = "Every version of a product you may see, newest first")
    List<ProductVersion> versions(@PathVariable UUID id) {
        return products.versions(Caller.current(), id);
    }

    @GetMapping("/products/{id}/rating")
    @Operation(summary = "The authority's latest confirmed or amended rating of the product; 404 when there is none")
    ConfirmedRating rating(@PathVariable UUID id) {
        return requests.latest(Caller.current(), id)
                .orElseThrow(() -> new NotFoundException("Confirmed rating of product", id));
    }

    @PostMapping(path = "/products/{id}/classification-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Send the product's current version to the authority for classification (EXPORTER of the owner)")
    ResponseEntity<ClassificationRequest> submit(@PathVariable UUID id, @Valid @RequestBody SubmitRequest body) {
        ClassificationRequest created = requests.submit(Caller.current(), id, body.note());
        return ResponseEntity.created(URI.create("/api/v1/classification-requests/" + created.id()))
                .body(created);
    }

    @GetMapping("/products/{id}/classification-requests")
    @Operation(summary = "The classification requests of a product you may see, newest first")
    List<ClassificationRequest> requestsOfProduct(@PathVariable UUID id) {
        return requests.forProduct(Caller.current(), id);
    }

    @GetMapping("/classification-requests")
    @Operation(summary = "Classification requests you may see (the authority: all; an exporter: its own), open first")
    List<ClassificationRequest> listRequests(@RequestParam(name = "open", defaultValue = "false") boolean openOnly) {
        return requests.list(Caller.current(), openOnly);
    }

    @GetMapping("/classification-requests/{id}")
    @Operation(summary = "A classification request you may see; 404 otherwise")
    ClassificationRequest request(@PathVariable UUID id) {
        return requests.find(Caller.current(), id);
    }

    @PostMapping(path = "/classification-requests/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Confirm the proposed rating or amend it, with reasons (CASEWORKER or SENIOR_OFFICER)")
    ClassificationRequest decide(@PathVariable UUID id, @RequestBody DecisionInput input) {
        // Checked by the service after visibility and role, so that nobody learns more from a 400 than from a 404.
        return requests.decide(Caller.current(), id, input);
    }
}
