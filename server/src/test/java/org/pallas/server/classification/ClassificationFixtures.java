package org.pallas.server.classification;

import java.util.List;
import java.util.Map;

/** Descriptions used by the server's classification tests (answers as the questionnaire gives them). */
final class ClassificationFixtures {

    private ClassificationFixtures() {}

    /** A spyware C2 and delivery platform: 4D004 everywhere, 4E001.a for the training; tier 4. */
    static final Map<String, List<String>> SPYWARE_PLATFORM = ClassificationDemoSeed.SPYWARE_PLATFORM;

    /** A DPI system with selectors and mapping but claimed for QoS: the authority must look (needs review). */
    static final Map<String, List<String>> DPI_CONFLICT = ClassificationDemoSeed.answers("""
            item_kind=ip_network_surveillance; item_forms=hardware; development_tooling=no; carrier_class=yes;
            network_analysis=application_layer_analysis,content_extraction,indexing; hard_selector_search=yes;
            relational_mapping=yes; designed_for=quality_of_service; encryption_cat5p2=no;
            data_collected=network_metadata,messages; safeguards=none; update_channel=customer_installed; covert=yes;
            natural_persons=yes; ict_data=yes; surveillance_design=yes""");

    /** A debugger: excluded from "intrusion software"; not controlled. */
    static final Map<String, List<String>> DEBUGGER =
            ClassificationDemoSeed.answers("item_kind=other; item_forms=software; excluded_category=debugger");
}
