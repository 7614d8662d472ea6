package org.pallas.server.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.DemoSeed;
import org.pallas.server.platform.KnownCallers;
import org.springframework.stereotype.Component;

/**
 * Demo products (fixed ids, so that the isolation matrix can name them): Northbridge's spyware
 * platform, already sent for classification, and its quality-of-service DPI system; Calder's phone
 * extraction kit. All fictional; the descriptions are those of the classification-core scenarios.
 */
@Component
class ClassificationDemoSeed implements DemoSeed {

    static final UUID NORTHBRIDGE_PLATFORM = UUID.fromString("0d3a0000-0000-4000-8000-0000000000a1");
    static final UUID NORTHBRIDGE_DPI = UUID.fromString("0d3a0000-0000-4000-8000-0000000000a2");
    static final UUID CALDER_EXTRACT = UUID.fromString("0d3a0000-0000-4000-8000-0000000000b1");
    static final UUID NORTHBRIDGE_PLATFORM_REQUEST = UUID.fromString("0d3a0001-0000-4000-8000-0000000000a1");
    static final UUID CALDER_EXTRACT_REQUEST = UUID.fromString("0d3a0001-0000-4000-8000-0000000000b1");

    /** The scenario "C2 and delivery platform of a spyware suite, with operator training": 4D004 and 4E001.a. */
    static final Map<String, List<String>> SPYWARE_PLATFORM = answers("""
            item_kind=intrusion_platform; item_forms=software,technology; development_tooling=no;
            platform_functions=command_and_control,deliver,generate; evades_monitoring=yes;
            defeats_countermeasures=yes; payload_effects=extracts_data,modifies_data;
            transfer_purpose=sale_or_licence; published=no; encryption_cat5p2=no; target_platforms=ios,android;
            delivery_vectors=zero_click,one_click; persistence=survives_reboot;
            data_collected=messages,location,credentials,files; safeguards=tamper_proof_audit_log;
            update_channel=vendor_remote_access; covert=yes; natural_persons=yes; ict_data=yes; surveillance_design=yes""");

    private final ProductRegister products;
    private final ClassificationRequests requests;
    private final KnownCallers callers;

    ClassificationDemoSeed(ProductRegister products, ClassificationRequests requests, KnownCallers callers) {
        this.products = products;
        this.requests = requests;
        this.callers = callers;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String name() {
        return "classification";
    }

    @Override
    public void seed() {
        Caller lee = callers.byUsername("northbridge.lee");
        Caller weber = callers.byUsername("calder.weber");
        products.registerAs(
                lee,
                NORTHBRIDGE_PLATFORM,
                new ProductInput(
                        "Lighthouse Mobile Platform",
                        "NB-LMP-4",
                        "Command-and-control and delivery platform for mobile implants, sold to government agencies with operator training.",
                        SPYWARE_PLATFORM));
        requests.submitAs(
                lee,
                NORTHBRIDGE_PLATFORM_REQUEST,
                NORTHBRIDGE_PLATFORM,
                "Renewal of our 2025 rating; the platform now also delivers one-click links.");
        products.registerAs(
                lee,
                NORTHBRIDGE_DPI,
                new ProductInput(
                        "Harbour Traffic Shaper",
                        "NB-HTS-2",
                        "Carrier-grade deep packet inspection for quality of service in mobile networks.",
                        answers("""
                        item_kind=ip_network_surveillance; item_forms=hardware,software; development_tooling=no;
                        carrier_class=yes; network_analysis=application_layer_analysis; hard_selector_search=no;
                        relational_mapping=no; designed_for=quality_of_service; published=no; encryption_cat5p2=no;
                        data_collected=network_metadata; safeguards=none; update_channel=customer_installed; covert=no;
                        natural_persons=no; ict_data=yes; surveillance_design=no""")));
        products.registerAs(
                weber,
                CALDER_EXTRACT,
                new ProductInput(
                        "Calder Extract Field Kit",
                        "CX-7",
                        "Phone forensic extraction kit that exploits the bootloader, used with physical access.",
                        answers("""
                        item_kind=forensic_extraction; item_forms=hardware,software; extraction_method=exploit_based;
                        evades_monitoring=no; defeats_countermeasures=yes; payload_effects=extracts_data; published=no;
                        encryption_cat5p2=no; target_platforms=ios,android; data_collected=messages,files,contacts,location;
                        safeguards=tamper_proof_audit_log; update_channel=customer_installed; covert=no; natural_persons=yes;
                        ict_data=yes; surveillance_design=no""")));
        requests.submitAs(weber, CALDER_EXTRACT_REQUEST, CALDER_EXTRACT, null);
        requests.decide(
                callers.byUsername("caseworker"),
                CALDER_EXTRACT_REQUEST,
                new DecisionInput(
                        DecisionInput.Kind.CONFIRM,
                        "Exploit-based extraction delivers intrusion software (WA-DEF-IS, WA-DEF-PCM); the kit is 4A005 as hardware"
                                + " and 4D004 as software. There is no physical-access exception in the text.",
                        null));
    }

    /** {@code question=option,option; ...} */
    static Map<String, List<String>> answers(String text) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            String[] kv = pair.strip().split("=", 2);
            answers.put(kv[0].strip(), List.of(kv[1].strip().split(",")));
        }
        return answers;
    }
}
