package org.pallas.server.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.pallas.policy.Application;
import org.pallas.policy.Rule;
import org.pallas.policy.Rulebook;
import org.pallas.server.platform.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The assessment JSON API: stateless risk assessment of a deal's facts, and the rulebook that assesses them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Risk assessment", description = "Assess a transfer's facts against the rulebook; read the rulebook")
class AssessmentApi {

    private final Assessments assessments;
    private final RulebookView rulebookView;

    // Facts are evidence: the body is read strictly (platform WebConfiguration), a misspelt field is a 400.
    AssessmentApi(Assessments assessments, RulebookView rulebookView) {
        this.assessments = assessments;
        this.rulebookView = rulebookView;
    }

    /** The rulebook as the API shows it: version, content hash, thresholds, rules and the generated catalogue. */
    record RulebookDocument(
            String version, String contentHash, Rulebook.Thresholds thresholds, List<Rule> rules, String catalogue) {}

    @PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Assess an application's facts (stateless; exporters and the licensing authority)",
            description = "Parties without a screening outcome are screened against the bundled lists first. The "
                    + "answer names the route, score, red flags, adviser teams and licence conditions, each citing "
                    + "its rules, the rulebook version and hash, the parties as screened and the due-diligence "
                    + "questions the risk calls for. Pass rulebookVersion to re-run against a recorded version.")
    Assessments.Result assess(
            @RequestBody Application facts,
            @RequestParam(name = "rulebookVersion", required = false) String rulebookVersion) {
        Caller caller = Caller.current();
        return rulebookVersion == null || rulebookVersion.isBlank()
                ? assessments.assess(caller, facts)
                : assessments.reassess(caller, facts, rulebookVersion);
    }

    @GetMapping("/rulebook")
    @Operation(summary = "The active rulebook: version, content hash, thresholds, rules and rule catalogue")
    RulebookDocument rulebook() {
        RulebookView.Active active = rulebookView.active();
        return new RulebookDocument(
                active.rulebook().version(),
                active.rulebook().contentHash(),
                active.rulebook().thresholds(),
                active.rulebook().rules(),
                active.catalogue());
    }
}
