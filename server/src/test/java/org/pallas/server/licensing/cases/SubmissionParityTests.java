package org.pallas.server.licensing.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.licensing.LicensingJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two paths to the rulebook never differ: each scenario is filed as an exporter through the real application
 * endpoints (register the product, draft, submit) and its facts are sent as the licensing authority straight to the
 * engine ({@code POST /api/v1/assessments}); both must give the same route and score.
 *
 * <p>The engine side is written here by hand in policy-core's own terms: the product's entries and tier as the
 * classification endpoint computes them from the same answers, its capabilities as this test states them, every
 * party (the exporter too) with the outcome the screening seam reports for it. The scenarios follow policy-core's
 * scenario tests (destinations, screening, due diligence, legitimate security, misuse) with the register products of
 * classification-core's scenario set.
 */
@PallasTest
class SubmissionParityTests {

    /** Register products: classification-core scenario answers, and the capabilities the rulebook must read. */
    enum Item {
        PENTEST("""
                item_kind=penetration_testing_framework; item_forms=software; platform_functions=generate,command_and_control,deliver;
                evades_monitoring=yes; defeats_countermeasures=yes; payload_effects=extracts_data,alters_execution; published=no;
                encryption_cat5p2=no; target_platforms=windows,linux,network_devices; delivery_vectors=one_click,network_injection;
                data_collected=credentials,files; safeguards=target_scoping,tamper_proof_audit_log; update_channel=customer_installed;
                covert=no; natural_persons=no; ict_data=yes; surveillance_design=no""", List.of("NETWORK_INJECTION", "PERSISTENCE")),
        ZERO_CLICK_IMPLANT("""
                item_kind=exploit; item_forms=software; platform_functions=deliver,command_and_control; evades_monitoring=yes;
                defeats_countermeasures=yes; payload_effects=extracts_data,alters_execution; published=no; encryption_cat5p2=no;
                target_platforms=ios; delivery_vectors=zero_click; data_collected=messages,location,live_audio_video; safeguards=none;
                update_channel=vendor_push_with_approval; covert=yes; natural_persons=yes; ict_data=yes; surveillance_design=yes""", List.of("ZERO_CLICK", "PERSISTENCE", "COVERT_SURVEILLANCE")),
        FORENSIC_KIT("""
                item_kind=forensic_extraction; item_forms=hardware,software; extraction_method=exploit_based;
                evades_monitoring=no; defeats_countermeasures=yes; payload_effects=extracts_data; published=no;
                encryption_cat5p2=no; target_platforms=ios,android; data_collected=messages,files,contacts,location;
                safeguards=tamper_proof_audit_log; update_channel=customer_installed; covert=no; natural_persons=yes;
                ict_data=yes; surveillance_design=no""", List.of("FORENSIC_EXTRACTION")),
        DPI_QOS("""
                item_kind=ip_network_surveillance; item_forms=hardware,software; development_tooling=no;
                carrier_class=yes; network_analysis=application_layer_analysis; hard_selector_search=no;
                relational_mapping=no; designed_for=quality_of_service; published=no; encryption_cat5p2=no;
                data_collected=network_metadata; safeguards=none; update_channel=customer_installed; covert=no;
                natural_persons=no; ict_data=yes; surveillance_design=no""", List.of("MASS_INTERCEPTION")),
        EXPLOIT_FRAMEWORK("""
                item_kind=exploit_development_framework; item_forms=software; platform_functions=generate; evades_monitoring=no;
                defeats_countermeasures=yes; payload_effects=alters_execution; published=no; encryption_cat5p2=no;
                target_platforms=windows,linux; data_collected=none; safeguards=none; update_channel=customer_installed; covert=no;
                natural_persons=no; ict_data=yes; surveillance_design=no""", List.of());

        final Map<String, List<String>> answers;
        final List<String> capabilities;

        Item(String answers, List<String> capabilities) {
            this.answers = parse(answers);
            this.capabilities = capabilities;
        }
    }

    /** The end user as the exporter names it; oversight null when not stated. */
    record EndUser(String name, String country, String type, String unit, Boolean oversight) {}

    /**
     * One scenario: item, declared tier and end-use category, the end user, an optional intermediary, whether a
     * bounded targeted scope is stated and the due-diligence answers given.
     */
    record Scenario(
            String name,
            Item item,
            int declaredTier,
            String category,
            EndUser endUser,
            EndUser intermediary,
            boolean targeted,
            Map<String, String> dueDiligence) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static EndUser user(String name, String country, String type, String unit) {
        return new EndUser(name, country, type, unit, null);
    }

    private static EndUser overseen(String name, String country, String type, String unit) {
        return new EndUser(name, country, type, unit, true);
    }

    private static EndUser unsupervised(String name, String country, String type, String unit) {
        return new EndUser(name, country, type, unit, false);
    }

    private static Scenario s(String name, Item item, int tier, String category, EndUser endUser) {
        return new Scenario(name, item, tier, category, endUser, null, false, Map.of());
    }

    private static Scenario s(
            String name,
            Item item,
            int tier,
            String category,
            EndUser endUser,
            EndUser intermediary,
            boolean targeted,
            Map<String, String> dd) {
        return new Scenario(name, item, tier, category, endUser, intermediary, targeted, dd);
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                // Legitimate security (LegitimateSecurityScenarioTests)
                s(
                        "pentest for a Dutch insurer",
                        Item.PENTEST,
                        2,
                        "PENETRATION_TESTING",
                        user("Noord Verzekeringen NV", "NL", "COMMERCIAL", null)),
                s(
                        "pentest for a German bank",
                        Item.PENTEST,
                        2,
                        "PENETRATION_TESTING",
                        user("Rhein Handelsbank AG", "DE", "COMMERCIAL", null)),
                s(
                        "research tooling for a US lab",
                        Item.EXPLOIT_FRAMEWORK,
                        3,
                        "SECURITY_RESEARCH",
                        user("Kestrel Vulnerability Labs Inc.", "US", "RESEARCH", null)),
                s(
                        "exploit framework to a national CERT",
                        Item.EXPLOIT_FRAMEWORK,
                        2,
                        "INCIDENT_RESPONSE",
                        user("CERT-FR", "FR", "CERT", null)),
                s(
                        "exploit framework disclosed to a police unit",
                        Item.EXPLOIT_FRAMEWORK,
                        2,
                        "VULNERABILITY_DISCLOSURE",
                        user("Cyber Crime Unit", "FR", "POLICE", "Cyber crime unit")),
                s(
                        "pentest declared tier 1 (register says 2)",
                        Item.PENTEST,
                        1,
                        "PENETRATION_TESTING",
                        user("Banco Atlantico SA", "ES", "COMMERCIAL", null)),
                // Self-declared tier attack: zero-click implant declared tier 1
                s(
                        "zero-click implant declared tier 1 to a commercial buyer",
                        Item.ZERO_CLICK_IMPLANT,
                        1,
                        "SECURITY_RESEARCH",
                        user("Blue Harbor Research Ltd", "GB", "COMMERCIAL", null)),
                s(
                        "zero-click implant declared tier 1 to German police",
                        Item.ZERO_CLICK_IMPLANT,
                        1,
                        "LAW_ENFORCEMENT",
                        user("Bundeskriminalamt", "DE", "POLICE", "Operational IT")),
                // Oversight and targeting (mitigations)
                s(
                        "forensics to Dutch police with warrant regime and targeted scope",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        overseen("Politie Digitale Recherche", "NL", "POLICE", "Digital forensics"),
                        null,
                        true,
                        Map.of()),
                s(
                        "forensics to Dutch police, oversight not stated",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        user("Politie Oost-Nederland", "NL", "POLICE", "Digital forensics")),
                s(
                        "forensics to German police, oversight stated, untargeted",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        overseen("Kriminalpolizei Digitale Forensik", "DE", "POLICE", "Digital forensics unit")),
                s(
                        "forensics to Austrian police without independent oversight",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        unsupervised("Landeskriminalamt Digitale Forensik", "AT", "POLICE", "Digital forensics unit")),
                s(
                        "forensics to Hungarian police",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        user("Nemzeti Nyomozo Iroda", "HU", "POLICE", "Forensics")),
                s(
                        "forensics to Indian police",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        user("Central Bureau of Investigation", "IN", "POLICE", "Cyber forensics")),
                s(
                        "forensics to Brazilian federal police, targeted",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        overseen("Policia Federal", "BR", "POLICE", "Forensics"),
                        null,
                        true,
                        Map.of()),
                // Destinations (DestinationScenarioTests)
                s("DPI to Russia", Item.DPI_QOS, 2, "OTHER", user("Sberbank Security", "RU", "COMMERCIAL", null)),
                s("DPI to Iran", Item.DPI_QOS, 2, "OTHER", user("Bank Melli", "IR", "COMMERCIAL", null)),
                s("DPI to Cuba", Item.DPI_QOS, 2, "OTHER", user("Banco Metropolitano", "CU", "COMMERCIAL", null)),
                s(
                        "forensics to Myanmar police",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        user("Myanmar Police Force", "MM", "POLICE", "Special branch")),
                s(
                        "implant to Venezuelan intelligence",
                        Item.ZERO_CLICK_IMPLANT,
                        4,
                        "INTELLIGENCE",
                        user("SEBIN", "VE", "SECURITY_INTELLIGENCE", "Technical directorate")),
                s(
                        "implant to North Korea",
                        Item.ZERO_CLICK_IMPLANT,
                        4,
                        "INTELLIGENCE",
                        user("Reconnaissance General Bureau", "KP", "SECURITY_INTELLIGENCE", "Bureau 121")),
                s(
                        "implant to Chinese state security",
                        Item.ZERO_CLICK_IMPLANT,
                        4,
                        "INTELLIGENCE",
                        user(
                                "Provincial State Security Department",
                                "CN",
                                "SECURITY_INTELLIGENCE",
                                "Technical reconnaissance unit")),
                s(
                        "forensics to Chinese police",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        user("Ministry of Public Security", "CN", "POLICE", "Forensics centre")),
                s(
                        "implant to UAE intelligence",
                        Item.ZERO_CLICK_IMPLANT,
                        4,
                        "INTELLIGENCE",
                        user("Signals Intelligence Agency", "AE", "SECURITY_INTELLIGENCE", "Cyber unit")),
                s(
                        "implant to Saudi intelligence",
                        Item.ZERO_CLICK_IMPLANT,
                        4,
                        "INTELLIGENCE",
                        user("Presidency of State Security", "SA", "SECURITY_INTELLIGENCE", "Technical unit")),
                s(
                        "implant to Mexican military",
                        Item.ZERO_CLICK_IMPLANT,
                        4,
                        "MILITARY_OPERATIONS",
                        user("Secretaria de la Defensa Nacional", "MX", "MILITARY", "Military intelligence")),
                s(
                        "implant to Polish intelligence, oversight stated",
                        Item.ZERO_CLICK_IMPLANT,
                        4,
                        "INTELLIGENCE",
                        overseen("Agencja Bezpieczenstwa Wewnetrznego", "PL", "SECURITY_INTELLIGENCE", "Operations")),
                s(
                        "implant to UK police, overseen and targeted",
                        Item.ZERO_CLICK_IMPLANT,
                        4,
                        "LAW_ENFORCEMENT",
                        overseen("National Crime Agency", "GB", "POLICE", "Equipment interference"),
                        null,
                        true,
                        Map.of()),
                s(
                        "DPI to a Japanese carrier",
                        Item.DPI_QOS,
                        2,
                        "OTHER",
                        user("Sakura Telecom KK", "JP", "COMMERCIAL", null)),
                s(
                        "DPI to an Israeli ministry",
                        Item.DPI_QOS,
                        2,
                        "OTHER",
                        user("Ministry of Communications", "IL", "GOVERNMENT", "Spectrum department")),
                // Parties (ScreeningScenarioTests)
                s(
                        "a sanctioned end user",
                        Item.PENTEST,
                        2,
                        "PENETRATION_TESTING",
                        user("Sanctioned Trading LLC", "DE", "COMMERCIAL", null)),
                s(
                        "a sanctioned intermediary",
                        Item.PENTEST,
                        2,
                        "PENETRATION_TESTING",
                        user("Rhein Versicherung AG", "DE", "COMMERCIAL", null),
                        user("Sanctioned Logistics FZE", "AE", null, null),
                        false,
                        Map.of()),
                s(
                        "an intermediary in a third country",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        user("Politie Noord", "NL", "POLICE", "Forensics"),
                        user("Gulf Distribution FZE", "AE", null, null),
                        false,
                        Map.of()),
                s(
                        "an intermediary in the destination",
                        Item.PENTEST,
                        2,
                        "PENETRATION_TESTING",
                        user("Rhein Versicherung AG", "DE", "COMMERCIAL", null),
                        user("Berlin Reseller GmbH", "DE", null, null),
                        false,
                        Map.of()),
                // Due diligence (DueDiligenceScenarioTests)
                s(
                        "at-risk targets",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        overseen("Politie Zuid", "NL", "POLICE", "Forensics"),
                        null,
                        true,
                        Map.of("AT_RISK_TARGETS", "YES")),
                s(
                        "end-use information refused",
                        Item.PENTEST,
                        2,
                        "PENETRATION_TESTING",
                        user("Rhein Versicherung AG", "DE", "COMMERCIAL", null),
                        null,
                        false,
                        Map.of("END_USE_INFORMATION_REFUSED", "YES")),
                s(
                        "questions declined",
                        Item.PENTEST,
                        2,
                        "PENETRATION_TESTING",
                        user("Rhein Versicherung AG", "DE", "COMMERCIAL", null),
                        null,
                        false,
                        Map.of("UNUSUAL_INTERMEDIARY_OR_PAYMENT", "DECLINED")),
                s(
                        "secrecy and mismatched training",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        overseen("Politie West", "NL", "POLICE", "Forensics"),
                        null,
                        true,
                        Map.of("SECRECY_REQUESTED", "YES", "FEATURES_OR_TRAINING_MISMATCH", "YES")),
                s(
                        "mass collection and vendor operation",
                        Item.ZERO_CLICK_IMPLANT,
                        4,
                        "LAW_ENFORCEMENT",
                        overseen("National Crime Agency", "GB", "POLICE", "Equipment interference"),
                        null,
                        true,
                        Map.of("MASS_COLLECTION", "YES", "VENDOR_OPERATION_REQUESTED", "YES")),
                s(
                        "known prior misuse",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        user("Nemzeti Nyomozo Iroda", "HU", "POLICE", "Forensics"),
                        null,
                        false,
                        Map.of("PRIOR_MISUSE_KNOWN", "YES", "NO_LEGAL_BASIS", "YES")),
                s(
                        "all answers clear",
                        Item.FORENSIC_KIT,
                        3,
                        "LAW_ENFORCEMENT",
                        overseen("Politie Midden", "NL", "POLICE", "Forensics"),
                        null,
                        true,
                        allNo()));
    }

    private static Map<String, String> allNo() {
        Map<String, String> dd = new LinkedHashMap<>();
        for (String q : List.of(
                "END_USE_INFORMATION_REFUSED",
                "UNUSUAL_INTERMEDIARY_OR_PAYMENT",
                "SECRECY_REQUESTED",
                "FEATURES_OR_TRAINING_MISMATCH",
                "EVASION_CUSTOMISATION",
                "MASS_COLLECTION",
                "NO_LEGAL_BASIS",
                "PRIOR_MISUSE_KNOWN",
                "AT_RISK_TARGETS",
                "VENDOR_OPERATION_REQUESTED")) {
            dd.put(q, "NO");
        }
        return dd;
    }

    private static final Map<Item, String> REGISTERED = new ConcurrentHashMap<>();
    private static final Map<Item, String> REGISTERED_NAMES = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    PartyScreening screening;

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theSubmissionRoutesAsTheEngineDoesOnTheSameFacts(Scenario scenario) throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        String productId = REGISTERED.computeIfAbsent(scenario.item(), item -> register(cast, item));

        JsonNode submitted = submit(cast, scenario, productId);
        Map<String, Object> stored = jdbc.sql("select route, assessment::text as a from licensing_case where id = :id")
                .param("id", UUID.fromString(submitted.get("id").asString()))
                .query()
                .singleRow();
        JsonNode summary = json.readTree((String) stored.get("a"));

        JsonNode direct = json.readTree(mvc.perform(cast.as(Who.CASEWORKER, post("/api/v1/assessments"), true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(engineFacts(cast, scenario))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        JsonNode assessment = direct.get("assessment");

        assertThat(stored.get("route"))
                .as(
                        "route of %s: submission %s, engine basis %s",
                        scenario, summary.get("routeBasis"), assessment.get("routeBasis"))
                .isEqualTo(assessment.get("route").asString());
        assertThat(summary.get("score").asInt())
                .as("score of %s", scenario)
                .isEqualTo(assessment.get("score").asInt());
        assertThat(summary.get("routeBasis").toString())
                .isEqualTo(assessment.get("routeBasis").toString());
    }

    private String register(TestCast cast, Item item) {
        try {
            String body = json.writeValueAsString(Map.of(
                    "name",
                            "Parity " + item.name() + " "
                                    + UUID.randomUUID().toString().substring(0, 6),
                    "reference", "PAR-" + item.ordinal(),
                    "answers", item.answers));
            String created = mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/products"), true)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return json.readTree(created).get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode submit(TestCast cast, Scenario sc, String productId) throws Exception {
        List<Map<String, Object>> parties = new ArrayList<>();
        parties.add(partyJson("EU-1", "END_USER", sc.endUser()));
        if (sc.intermediary() != null) {
            parties.add(partyJson("IM-1", "INTERMEDIARY", sc.intermediary()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "products",
                List.of(Map.of(
                        "productId",
                        productId,
                        "name",
                        sc.item().name(),
                        "classification",
                        "CONFIRMED",
                        "controlEntries",
                        List.of("4D004"))));
        details.put("parties", parties);
        details.put("destinations", List.of(sc.endUser().country()));
        details.put("endUseStatement", "Parity scenario: " + sc.name());
        details.putAll(LicensingJson.signedTerms());
        if (sc.targeted()) {
            details.put("targetedUse", Map.of("targets", 5, "kind", "named suspects under warrant", "months", 6));
        }
        details.put("dueDiligence", sc.dueDiligence());
        Map<String, Object> draft = Map.of(
                "type",
                "INDIVIDUAL",
                "riskTier",
                sc.declaredTier(),
                "endUseCategory",
                sc.category(),
                "details",
                details);
        String created = mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/applications"), true)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(draft)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(created).get("id").asString();
        mvc.perform(cast.as(Who.EXPORTER_A, post("/api/v1/applications/" + id + "/submit"), true))
                .andExpect(status().isOk());
        return json.readTree(created);
    }

    private static Map<String, Object> partyJson(String id, String role, EndUser u) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("partyId", id);
        p.put("role", role);
        p.put("name", u.name());
        p.put("countryCode", u.country());
        p.put("address", "Parity street 1, " + u.country());
        if (u.type() != null) {
            p.put("endUserType", u.type());
        }
        if (u.unit() != null) {
            p.put("agencyOrUnit", u.unit());
        }
        if (u.oversight() != null) {
            p.put(
                    "oversight",
                    u.oversight()
                            ? Map.of(
                                    "independent", true,
                                    "body", "Investigatory Powers Commissioner",
                                    "legalBasis", "Judicial warrant under the national code of criminal procedure")
                            : Map.of("independent", false));
        }
        return p;
    }

    /** The same facts in policy-core's terms, as an authority user would send them to the engine. */
    private Map<String, Object> engineFacts(TestCast cast, Scenario sc) throws Exception {
        JsonNode classification = json.readTree(mvc.perform(
                                cast.as(Who.EXPORTER_A, post("/api/v1/classification/assess"), true)
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(json.writeValueAsString(Map.of("answers", sc.item().answers))))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("classification");
        List<Map<String, String>> entries = new ArrayList<>();
        boolean declaredListed = false;
        for (var regime : classification.get("regimes").properties()) {
            JsonNode r = regime.getValue();
            List<JsonNode> codes = new ArrayList<>();
            r.get("entries").forEach(codes::add);
            if ("NEEDS_REVIEW".equals(r.get("outcome").asString())) {
                r.get("candidates").forEach(codes::add);
            }
            List<String> seen = new ArrayList<>();
            for (JsonNode e : codes) {
                String code = e.get("code").asString();
                if (!seen.contains(code)) {
                    seen.add(code);
                    entries.add(Map.of("regime", regime.getKey(), "entry", code));
                    declaredListed |= code.equalsIgnoreCase("4D004");
                }
            }
        }
        if (!declaredListed) {
            entries.add(Map.of("regime", "EU", "entry", "4D004")); // the exporter's claim counts: stricter
        }
        int tier = Math.max(classification.get("risk").get("tier").asInt(), sc.declaredTier());
        String organisation = cast.caller(Who.EXPORTER_A).organisationName();
        String country = jdbc.sql("select coalesce(country, 'GB') from organisation where name = :n")
                .param("n", organisation)
                .query(String.class)
                .single();
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", sc.item().name());
        product.put("classifications", entries);
        product.put("riskTier", tier);
        product.put("vendor", organisation);
        product.put("family", registeredName(sc.item()));
        product.put("capabilities", sc.item().capabilities);

        List<Map<String, Object>> parties = new ArrayList<>();
        parties.add(enginePartyJson("EXPORTER", new EndUser(organisation, country.toUpperCase(), null, null, null)));
        parties.add(enginePartyJson("END_USER", sc.endUser()));
        if (sc.intermediary() != null) {
            parties.add(enginePartyJson("INTERMEDIARY", sc.intermediary()));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("reference", "PARITY");
        facts.put("asOf", null);
        facts.put("product", product);
        facts.put("parties", parties);
        facts.put("destinations", List.of(sc.endUser().country()));
        facts.put(
                "endUse",
                Map.of(
                        "category",
                        sc.category(),
                        "statement",
                        "Parity scenario: " + sc.name(),
                        "targeted",
                        sc.targeted()));
        facts.put("dueDiligence", sc.dueDiligence());
        return facts;
    }

    private static String registeredName(Item item) {
        return REGISTERED_NAMES.get(item);
    }

    private Map<String, Object> enginePartyJson(String role, EndUser u) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("role", role);
        p.put("name", u.name());
        p.put("country", u.country());
        p.put("endUserType", u.type() == null ? null : u.type().equals("GOVERNMENT") ? "OTHER_GOVERNMENT" : u.type());
        p.put("agency", u.unit());
        p.put("independentOversight", u.oversight());
        // The outcome the screening seam reports for this name and country, as the authority would attach it.
        var outcome = screening.screen(new Party("x", PartyRole.END_USER, u.name(), u.country(), null, null, null));
        p.put("screening", outcome);
        return p;
    }

    private static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            String[] kv = pair.strip().split("=", 2);
            answers.put(kv[0].strip(), List.of(kv[1].strip().split(",")));
        }
        return answers;
    }
}
