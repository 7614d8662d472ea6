package org.pallas.server.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.pallas.policy.Application;
import org.pallas.policy.Rule;
import org.pallas.policy.Rulebook;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.InvalidInputException.FieldProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The assessment JSON API: stateless risk assessment of a deal's facts, and the rulebook that assesses them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Risk assessment", description = "Assess a transfer's facts against the rulebook; read the rulebook")
class AssessmentApi {

    private final Assessments assessments;
    private final RulebookView rulebookView;
    private final JsonMapper strict;

    AssessmentApi(Assessments assessments, RulebookView rulebookView, JsonMapper json) {
        this.assessments = assessments;
        this.rulebookView = rulebookView;
        // Facts are evidence: a misspelt field must be an error, not silently ignored.
        this.strict = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    /** The rulebook as the API shows it: version, content hash, thresholds, rules and the generated catalogue. */
    record RulebookDocument(String version, String contentHash, Rulebook.Thresholds thresholds, List<Rule> rules,
            String catalogue) {
    }

    @PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assess an application's facts (stateless; exporters and the licensing authority)",
            description = "Parties without a screening outcome are screened against the bundled lists first. The "
                    + "answer names the route, score, red flags, adviser teams and licence conditions, each citing "
                    + "its rules, the rulebook version and hash, the parties as screened and the due-diligence "
                    + "questions the risk calls for. Pass rulebookVersion to re-run against a recorded version.")
    Assessments.Result assess(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = Application.class))) @RequestBody JsonNode body,
            @RequestParam(name = "rulebookVersion", required = false) String rulebookVersion) {
        Application facts = read(body);
        Caller caller = Caller.current();
        return rulebookVersion == null || rulebookVersion.isBlank() ? assessments.assess(caller, facts)
                : assessments.reassess(caller, facts, rulebookVersion);
    }

    @GetMapping("/rulebook")
    @Operation(summary = "The active rulebook: version, content hash, thresholds, rules and rule catalogue")
    RulebookDocument rulebook() {
        RulebookView.Active active = rulebookView.active();
        return new RulebookDocument(active.rulebook().version(), active.rulebook().contentHash(),
                active.rulebook().thresholds(), active.rulebook().rules(), active.catalogue());
    }

    private Application read(JsonNode body) {
        try {
            return strict.treeToValue(body, Application.class);
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(new FieldProblem(field(e), message(e))));
        }
    }

    /** The JSON path of the bad value, e.g. {@code parties[1].country}. */
    static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String message(JacksonException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof NullPointerException && root.getMessage() != null) {
            return "Required: " + root.getMessage();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return root.getMessage();
        }
        String original = e.getOriginalMessage();
        if (original.startsWith("Cannot map `null` into type `boolean`")) {
            return "Required: give true or false";
        }
        int cut = original.indexOf('\n');
        return cut < 0 ? original : original.substring(0, cut);
    }
}
