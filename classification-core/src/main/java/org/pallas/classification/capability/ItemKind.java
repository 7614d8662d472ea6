package org.pallas.classification.capability;

/** What kind of product it is. */
public enum ItemKind implements Choice {
    EXPLOIT("Exploit or exploit chain"),
    IMPLANT("Implant or spyware agent that runs on the target device"),
    INTRUSION_PLATFORM("Command-and-control or delivery platform for implants or exploits"),
    EXPLOIT_DEVELOPMENT_FRAMEWORK("Exploit development framework"),
    ACCESS_AS_A_SERVICE("Access-as-a-service or hacking-as-a-service (you run the intrusion for the customer)"),
    VULNERABILITY_RESEARCH("Vulnerability research report or exploitation know-how"),
    PENETRATION_TESTING_FRAMEWORK("Penetration-testing or red-team framework"),
    FORENSIC_EXTRACTION("Forensic extraction tool for seized or handed-over devices"),
    IP_NETWORK_SURVEILLANCE("IP network monitoring or deep packet inspection system"),
    MOBILE_INTERCEPTION("Mobile network interception equipment (for example an IMSI catcher)"),
    LAWFUL_INTERCEPT_MEDIATION("Lawful-interception mediation device or software"),
    MONITORING_CENTRE("Law-enforcement monitoring centre or intercept analysis software"),
    SOFTWARE_UPDATE_SYSTEM("Software-update or deployment system"),
    OTHER("Something else");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
