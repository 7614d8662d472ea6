package org.pallas.server.licensing.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.ClassificationStatus;
import org.pallas.licensing.Fixtures;
import org.pallas.licensing.Product;
import org.pallas.policy.Rulebook;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.classification.RegisterClassifications;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.Organisations;
import org.pallas.server.licensing.LicensingJson;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.Role;
import org.pallas.server.policy.Assessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions rest on facts the exporter cannot bend: the register's classification over the declared one, the
 * exporter screened like every party, the mitigations the rulebook scores, this authority's refusals and the
 * rulebook in force. Each case is filed through the real application endpoints.
 */
@PallasTest
class SubmissionFactsTests {

    static final String ZERO_CLICK_IMPLANT = """
            item_kind=exploit; item_forms=software; platform_functions=deliver,command_and_control; evades_monitoring=yes;
            defeats_countermeasures=yes; payload_effects=extracts_data,alters_execution; published=no; encryption_cat5p2=no;
            target_platforms=ios; delivery_vectors=zero_click; data_collected=messages,location,live_audio_video; safeguards=none;
            update_channel=vendor_push_with_approval; covert=yes; natural_persons=yes; ict_data=yes; surveillance_design=yes""";

    static final String FORENSIC_KIT = """
            item_kind=forensic_extraction; item_forms=hardware,software; extraction_method=exploit_based;
            evades_monitoring=no; defeats_countermeasures=yes; payload_effects=extracts_data; published=no;
            encryption_cat5p2=no; target_platforms=ios,android; data_collected=messages,files,contacts,location;
            safeguards=tamper_proof_audit_log; update_channel=customer_installed; covert=no; natural_persons=yes;
            ict_data=yes; surveillance_design=no""";

    static final String PENTEST = """
            item_kind=penetration_testing_framework; item_forms=software; platform_functions=generate,command_and_control,deliver;
            evades_monitoring=yes; defeats_countermeasures=yes; payload_effects=extracts_data,alters_execution; published=no;
            encryption_cat5p2=no; target_platforms=windows,linux,network_devices; delivery_vectors=one_click,network_injection;
            data_collected=credentials,files; safeguards=target_scoping,tamper_proof_audit_log; update_channel=customer_installed;
            covert=no; natural_persons=no; ict_data=yes; surveillance_design=no""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Assessments policy;

    @Autowired
    LiveListPartyScreening liveLists;

    @Autowired
    RegisterClassifications register;

    @Autowired
    Organisations organisations;

    @Autowired
    CaseStore store;

    @Autowired
    org.pallas.server.misuse.MisuseReports misuse;

    /** What a submission stored: the route and the assessment summary. */
    record Filed(UUID id, String route, JsonNode summary) {}

    @Test
    void aZeroClickImplantDeclaredTierOneIsRoutedOnTheRegistersTierWithTheClaimShownBesideIt() throws Exception {
        String product = registerProduct("Zero-click iOS implant", ZERO_CLICK_IMPLANT);

        Filed filed = file(
                product,
                1,
                "SECURITY_RESEARCH",
                endUser("Blue Harbor Research Ltd", "GB", "COMMERCIAL", null),
                Map.of());

        assertThat(AssessmentRoute.valueOf(filed.route())).isGreaterThanOrEqualTo(AssessmentRoute.ENHANCED_REVIEW);
        JsonNode side = filed.summary().get("products").get(0);
        assertThat(side.get("declaredTier").asInt()).isEqualTo(1);
        assertThat(side.get("registerTier").asInt()).isEqualTo(4);
        assertThat(side.get("routedTier").asInt()).isEqualTo(4);
        assertThat(side.get("differs").asBoolean()).isTrue();
        assertThat(filed.summary().get("classifications").get(0).asString())
                .contains("exporter declared tier 1", "the claim differs, routed on the stricter (tier 4");
        assertThat(filed.summary().get("routeBasis").toString()).contains("score");
        assertThat(contributions(filed.id())).contains("RF-RISK-TIER-4", "RF-COVERT-SURVEILLANCE-ITEM");
        // The reason is shown to the caseworker: the register's tier beside the exporter's claim.
        TestCast cast = new TestCast(jdbc, tokens);
        String page = mvc.perform(get("/cases/" + filed.id()).with(cast.session(Who.CASEWORKER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String claims = page.substring(page.indexOf("id=\"classification-claims\""));
        assertThat(claims.substring(0, claims.indexOf("</table>")))
                .contains("Item " + product.substring(0, 6), "tier 4", "tier 1", "the claim differs from the register");
    }

    @Test
    void aProductOutsideTheRegisterCannotTakeTheFastTrack() throws Exception {
        Filed filed = file(
                "NB-CATALOGUE-9",
                1,
                "PENETRATION_TESTING",
                endUser("Rhein Versicherung AG", "DE", "COMMERCIAL", null),
                Map.of());

        assertThat(filed.route()).isEqualTo("STANDARD");
        assertThat(filed.summary().get("routeBasis").toString())
                .contains(SubmissionAssessments.UNCLASSIFIED_PRODUCT + " (STANDARD)");
    }

    @Test
    void theSameDealWithTheRegistersProductTakesTheFastTrack() throws Exception {
        String product = registerProduct("Pentest framework", PENTEST);

        Filed filed = file(
                product,
                2,
                "PENETRATION_TESTING",
                endUser("Rhein Versicherung AG", "DE", "COMMERCIAL", null),
                Map.of());

        assertThat(filed.route()).isEqualTo("FAST_TRACK");
    }

    @Test
    void policeInAStrongDemocracyWithAWarrantRegimeAndTargetedScopeGoToStandardReview() throws Exception {
        String product = registerProduct("Forensic kit", FORENSIC_KIT);
        Map<String, Object> police = endUser("Politie Digitale Recherche", "NL", "POLICE", "Digital forensics");
        police.put(
                "oversight",
                Map.of(
                        "independent", true,
                        "body", "Rechter-commissaris (examining magistrate)",
                        "legalBasis", "Wetboek van Strafvordering art. 126nba, judicial warrant"));

        Filed filed = file(
                product,
                3,
                "LAW_ENFORCEMENT",
                police,
                Map.of("targetedUse", Map.of("targets", 4, "kind", "suspects named in a warrant", "months", 6)));

        assertThat(filed.route()).isEqualTo("STANDARD");
        assertThat(contributions(filed.id()))
                .contains("RF-RISK-TIER-3")
                .doesNotContain("RF-UNTARGETED-USE", "RF-OVERSIGHT-UNKNOWN", "REF-HR-GOVERNMENT-END-USER");
        assertThat(filed.summary().get("routeBasis").toString()).doesNotContain("REF-HR-GOVERNMENT-END-USER");
    }

    @Test
    void oversightNotStatedInAStrongDemocracyIsAQuestionToTheApplicantNotAReferral() throws Exception {
        String product = registerProduct("Forensic kit", FORENSIC_KIT);

        Filed filed = file(
                product,
                3,
                "LAW_ENFORCEMENT",
                endUser("Politie Oost-Nederland", "NL", "POLICE", "Digital forensics"),
                Map.of());

        assertThat(filed.summary().get("routeBasis").toString()).doesNotContain("REF-HR-GOVERNMENT-END-USER");
        assertThat(explanations(filed.id()))
                .anyMatch(e -> e.contains("ask the applicant to name the oversight body and legal basis"));
    }

    @Test
    void policeStatedNotToBeUnderIndependentOversightAreReferredToHumanRightsAdvisers() throws Exception {
        String product = registerProduct("Forensic kit", FORENSIC_KIT);
        Map<String, Object> police = endUser("Politie Zeeland", "NL", "POLICE", "Digital forensics");
        police.put("oversight", Map.of("independent", false));

        Filed filed = file(product, 3, "LAW_ENFORCEMENT", police, Map.of());

        assertThat(filed.route()).isEqualTo("ENHANCED_REVIEW");
        assertThat(filed.summary().get("routeBasis").toString()).contains("REF-HR-GOVERNMENT-END-USER (REFER)");
        assertThat(contributions(filed.id())).contains("RF-NO-INDEPENDENT-OVERSIGHT");
    }

    @Test
    void dueDiligenceAnswersReachTheRulebook() throws Exception {
        String product = registerProduct("Forensic kit", FORENSIC_KIT);

        Filed filed = file(
                product,
                3,
                "LAW_ENFORCEMENT",
                endUser("Politie Limburg", "NL", "POLICE", "Digital forensics"),
                Map.of("dueDiligence", Map.of("AT_RISK_TARGETS", "YES")));

        assertThat(filed.route()).isEqualTo("PRESUMPTION_OF_DENIAL");
        assertThat(filed.summary().get("routeBasis").toString()).contains("PD-AT-RISK-TARGETS");
    }

    @Test
    void anExporterOnTheEntityListIsStoppedLikeAnyListedParty() {
        TestCast cast = new TestCast(jdbc, tokens);
        Caller northbridge = cast.caller(Who.EXPORTER_A);
        // The same exporter, as if its organisation were the listed vendor of the bundled extracts.
        Caller listed = new Caller(
                northbridge.userId(),
                northbridge.username(),
                northbridge.displayName(),
                northbridge.organisationId(),
                "Intellexa S.A.",
                OrganisationKind.EXPORTER,
                Set.of(Role.EXPORTER),
                null);
        SubmissionAssessments live = new SubmissionAssessments(
                policy,
                new StaticListableBeanFactory(Map.of("live", liveLists)).getBeanProvider(PartyScreening.class),
                register,
                organisations,
                store,
                misuse);
        var details = Fixtures.individual()
                .withProducts(
                        List.of(new Product("NB-1", "Toolkit", ClassificationStatus.CONFIRMED, List.of("4D004"))));

        SubmissionAssessments.Result result = live.assess(
                listed,
                "PAL-EXPORTER-LISTED",
                details,
                new CaseCommand.Declarations(1, "PENETRATION_TESTING"),
                LocalDate.now());

        assertThat(result.routing().route()).isEqualTo(AssessmentRoute.HARD_STOP);
        assertThat(result.summary().routeBasis()).contains("HS-ENTITY-LIST-PARTY (HARD_STOP)");
    }

    @Test
    void aPartyThisAuthorityRefusedBeforeCarriesItsPriorDenial() throws Exception {
        String product = registerProduct("Pentest framework", PENTEST);
        String name = "Refused Before Holding " + UUID.randomUUID().toString().substring(0, 6);
        Filed first = file(product, 2, "PENETRATION_TESTING", endUser(name, "DE", "COMMERCIAL", null), Map.of());
        // The authority's refusal of the first application, as the decision projection records it.
        jdbc.sql("update licensing_case set outcome = 'REFUSED' where id = :id")
                .param("id", first.id())
                .update();

        Filed second = file(
                product,
                2,
                "PENETRATION_TESTING",
                endUser(name.toUpperCase(java.util.Locale.ROOT), "DE", "COMMERCIAL", null),
                Map.of());

        assertThat(first.route()).isEqualTo("FAST_TRACK");
        assertThat(contributions(second.id())).contains("RF-PRIOR-DENIAL");
        assertThat(second.summary().get("routeBasis").toString()).contains("REF-NATSEC-PRIOR-DENIAL");
    }

    @Test
    void aRulebookChangeApprovedNowRoutesTheNextSubmission() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        String product = registerProduct("Pentest framework", PENTEST);
        Map<String, Object> bank = endUser("Rhein Versicherung AG", "DE", "COMMERCIAL", null);
        Filed before = file(product, 2, "PENETRATION_TESTING", bank, Map.of());
        String item;
        try (InputStream in = Rulebook.class.getResourceAsStream("/org/pallas/policy/rulebook/item.yaml")) {
            item = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String tierTwo = "  - id: RF-RISK-TIER-2\n";
        int at = item.indexOf(tierTwo);
        int weight = item.indexOf("weight: 5", at);
        assertThat(at).isNotNegative();
        assertThat(weight).isGreaterThan(at);
        String heavier = item.substring(0, weight) + "weight: 15" + item.substring(weight + "weight: 5".length());
        try {
            approve(cast, "item.yaml", heavier, "A tier-2 item weighs 15 (test)");
            Filed after = file(product, 2, "PENETRATION_TESTING", bank, Map.of());

            assertThat(before.route()).isEqualTo("FAST_TRACK");
            assertThat(after.route()).isEqualTo("STANDARD");
            assertThat(after.summary().get("rulebookVersion").asString())
                    .isNotEqualTo(before.summary().get("rulebookVersion").asString());
        } finally {
            // The shared context's other tests expect the shipped rules.
            approve(cast, "item.yaml", item, "Back to the shipped tier-2 weight (test)");
        }
    }

    private void approve(TestCast cast, String file, String content, String reason) throws Exception {
        String version = "facts-" + UUID.randomUUID().toString().substring(0, 8);
        String created = mvc.perform(cast.as(Who.CASEWORKER, post("/api/v1/rulebook/changes"), true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(
                                Map.of("file", file, "content", content, "newVersion", version, "reason", reason))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(cast.as(
                        Who.SENIOR_OFFICER,
                        post("/api/v1/rulebook/changes/"
                                + json.readTree(created).get("id").asString() + "/approve"),
                        true))
                .andExpect(status().isOk());
    }

    static Map<String, Object> endUser(String name, String country, String type, String unit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("partyId", "EU-1");
        p.put("role", "END_USER");
        p.put("name", name);
        p.put("countryCode", country);
        p.put("address", "Street 1, " + country);
        p.put("endUserType", type);
        if (unit != null) {
            p.put("agencyOrUnit", unit);
        }
        return p;
    }

    private String registerProduct(String name, String answers) throws Exception {
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (String pair : answers.split(";")) {
            String[] kv = pair.strip().split("=", 2);
            parsed.put(kv[0].strip(), List.of(kv[1].strip().split(",")));
        }
        String created = mvc.perform(new TestCast(jdbc, tokens)
                        .as(Who.EXPORTER_A, post("/api/v1/products"), true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", name, "answers", parsed))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(created).get("id").asString();
    }

    private Filed file(
            String productId, int tier, String category, Map<String, Object> endUser, Map<String, Object> extra)
            throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "products",
                List.of(Map.of(
                        "productId",
                        productId,
                        "name",
                        "Item " + productId.substring(0, 6),
                        "classification",
                        "CONFIRMED",
                        "controlEntries",
                        List.of("4D004"))));
        details.put("parties", List.of(endUser));
        details.put("destinations", List.of(endUser.get("countryCode")));
        details.put("endUseStatement", "Use as stated by the end user.");
        details.putAll(LicensingJson.signedTerms());
        details.putAll(extra);
        String created = mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/applications"), true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of(
                                "type",
                                "INDIVIDUAL",
                                "riskTier",
                                tier,
                                "endUseCategory",
                                category,
                                "details",
                                details))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(json.readTree(created).get("id").asString());
        mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit"), true))
                .andExpect(status().isOk());
        Map<String, Object> row = jdbc.sql("select route, assessment::text as a from licensing_case where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        return new Filed(id, (String) row.get("route"), json.readTree((String) row.get("a")));
    }

    private List<String> contributions(UUID id) {
        return jdbc.sql("""
                select c ->> 'ruleId' from licensing_case_command k,
                    jsonb_array_elements(k.payload -> 'routing' -> 'contributions') c
                where k.case_id = :id and k.kind = 'Route'""").param("id", id).query(String.class).list();
    }

    private List<String> explanations(UUID id) {
        return jdbc.sql("""
                select c ->> 'explanation' from licensing_case_command k,
                    jsonb_array_elements(k.payload -> 'routing' -> 'contributions') c
                where k.case_id = :id and k.kind = 'Route'""").param("id", id).query(String.class).list();
    }
}
