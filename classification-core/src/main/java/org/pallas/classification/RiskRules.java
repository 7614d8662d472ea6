package org.pallas.classification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pallas.classification.RiskAssessment.Effect;
import org.pallas.classification.RiskAssessment.Reason;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.DataCategory;
import org.pallas.classification.capability.DeliveryVector;
import org.pallas.classification.capability.ExcludedCategory;
import org.pallas.classification.capability.InterceptionFunction;
import org.pallas.classification.capability.ItemKind;
import org.pallas.classification.capability.Persistence;
import org.pallas.classification.capability.Safeguard;
import org.pallas.classification.capability.Tri;
import org.pallas.classification.capability.UpdateChannel;

/**
 * The product risk tier (docs/classification.md): a base tier from what the capability can do to
 * people, one step down (not below 2) for development tooling, a cap for already-public material, one
 * step up for vendor remote access, one step down for a full set of built-in safeguards (never below 2
 * for high-risk capabilities). Unanswered questions rate high rather than low.
 */
final class RiskRules {

    private static final Set<Safeguard> FULL_SAFEGUARDS = EnumSet.of(
            Safeguard.TAMPER_PROOF_AUDIT_LOG,
            Safeguard.TARGET_SCOPING,
            Safeguard.KILL_SWITCH,
            Safeguard.NO_VENDOR_DATA_ACCESS);
    private static final Set<ItemKind> PUBLISHABLE = EnumSet.of(
            ItemKind.EXPLOIT,
            ItemKind.VULNERABILITY_RESEARCH,
            ItemKind.EXPLOIT_DEVELOPMENT_FRAMEWORK,
            ItemKind.PENETRATION_TESTING_FRAMEWORK);

    private RiskRules() {}

    static RiskAssessment assess(CapabilityDescription d) {
        var reasons = new ArrayList<Reason>();
        int tier = base(d, reasons);
        if (tier > 2 && d.developmentTooling().isYes()) {
            tier--;
            reasons.add(new Reason(
                    Effect.LOWERS,
                    "Tooling to develop, produce or test such systems rather than the"
                            + " operational system: one tier lower.",
                    List.of("WA-4D001A", "WA-5B001A")));
        }
        if (d.published().isYes() && PUBLISHABLE.contains(d.itemKind()) && tier > 2) {
            tier = 2;
            reasons.add(new Reason(
                    Effect.CAPS,
                    "Already published: an export adds little capability that anyone"
                            + " could not already get, so the tier is capped at 2.",
                    List.of("WA-GTN-GSN")));
        }
        if (tier >= 2 && d.updateChannel() == UpdateChannel.VENDOR_REMOTE_ACCESS) {
            tier = Math.min(4, tier + 1);
            reasons.add(new Reason(
                    Effect.RAISES,
                    "The vendor logs in remotely to customer systems, which exposes"
                            + " collected data and operations to the vendor, as in the Intellexa leaks.",
                    List.of("US-EO-CI-2", "CASE-17")));
        }
        Set<Safeguard> safeguards = d.safeguards();
        if (tier >= 2 && safeguards.containsAll(FULL_SAFEGUARDS)) {
            int floor = tier >= 3 ? 2 : 1;
            int lowered = Math.max(floor, tier - 1);
            if (lowered < tier) {
                tier = lowered;
                reasons.add(new Reason(
                        Effect.LOWERS,
                        "All four built-in safeguards are present (audit log the customer"
                                + " cannot erase, target scoping, kill switch, no vendor access to collected data). They limit"
                                + " misuse but do not remove the capability.",
                        List.of("PMP-PRE-2", "PMP-IND-D4")));
            }
        } else if (tier >= 3 && safeguards.contains(Safeguard.NONE)) {
            reasons.add(new Reason(
                    Effect.NOTE,
                    "No built-in safeguards: nothing in the product limits targets or" + " records use.",
                    List.of("PMP-PRE-2", "PMP-IND-D4")));
        }
        notes(d, reasons);
        return new RiskAssessment(tier, reasons);
    }

    private static int base(CapabilityDescription d, List<Reason> reasons) {
        ItemKind kind = d.itemKind();
        if (kind == null) {
            return base(reasons, 4, "The kind of product is not stated; until it is, it is rated at the top.");
        }
        return switch (kind) {
            case EXPLOIT, IMPLANT, INTRUSION_PLATFORM -> remoteIntrusion(d, reasons);
            case ACCESS_AS_A_SERVICE ->
                base(
                        reasons,
                        4,
                        "Hacking-as-a-service: the vendor itself carries out" + " intrusions for customers.",
                        "PMP-COP-DEF-CCIC");
            case PENETRATION_TESTING_FRAMEWORK ->
                base(
                        reasons,
                        2,
                        "Penetration-testing framework: recognised"
                                + " legitimate security work, but it delivers working exploits.",
                        "PMP-COP-LEGITSEC");
            case EXPLOIT_DEVELOPMENT_FRAMEWORK ->
                base(
                        reasons,
                        2,
                        "Exploit development framework: it speeds up"
                                + " building intrusion capability but does not reach targets itself.",
                        "WA-4E001C");
            case VULNERABILITY_RESEARCH -> research(d, reasons);
            case FORENSIC_EXTRACTION ->
                d.extractionMethod() == org.pallas.classification.capability.ExtractionMethod.LOGICAL
                        ? base(
                                reasons,
                                2,
                                "Logical forensic extraction needs the device in hand and unlocked; it has"
                                        + " still been a step in abuse against journalists.",
                                "CASE-16")
                        : base(
                                reasons,
                                3,
                                "Exploit-based forensic extraction breaks device protections; used in custody"
                                        + " to unlock phones before installing spyware.",
                                "CASE-16");
            case IP_NETWORK_SURVEILLANCE ->
                d.hardSelectorSearch().isYes() && d.relationalMapping().isYes()
                        ? base(
                                reasons,
                                4,
                                "Carrier-grade surveillance that searches people by hard selectors and maps"
                                        + " their relationships: population-scale targeting.",
                                "WA-5A001J")
                        : base(
                                reasons,
                                2,
                                "Carrier-grade traffic inspection without person search; such equipment has"
                                        + " still served as an infection vector (network injection).",
                                "CASE-11");
            case MOBILE_INTERCEPTION -> interception(d, reasons);
            case MONITORING_CENTRE ->
                base(
                        reasons,
                        3,
                        "Monitoring-centre analysis of intercepted communications:"
                                + " searches people and maps their networks.",
                        "WA-5D001E");
            case LAWFUL_INTERCEPT_MEDIATION ->
                base(
                        reasons,
                        2,
                        "Lawful-interception mediation carries intercepted"
                                + " traffic to the authorities but does not analyse it.",
                        "WA-5D001E");
            case SOFTWARE_UPDATE_SYSTEM ->
                d.softwareUpdateOnly().isYes()
                                && d.ownerAuthorisation().isYes()
                                && d.updatedSoftwareControlled().isNo()
                        ? base(
                                reasons,
                                1,
                                "An update system that installs only authorised, non-intrusive updates.",
                                "WA-4D004-N1")
                        : base(
                                reasons,
                                3,
                                "A deployment system that can push code without the owner's authorisation or"
                                        + " deliver intrusive code.",
                                "WA-4D004-N1");
            case OTHER -> other(d, reasons);
        };
    }

    private static int remoteIntrusion(CapabilityDescription d, List<Reason> reasons) {
        Set<DeliveryVector> vectors = d.deliveryVectors();
        if (vectors.contains(DeliveryVector.ZERO_CLICK) || vectors.contains(DeliveryVector.NETWORK_INJECTION)) {
            return base(
                    reasons,
                    4,
                    "Remote intrusion into people's devices with no action by the target (zero-click"
                            + " or network injection).",
                    "CASE-04",
                    "CASE-11");
        }
        if (vectors.contains(DeliveryVector.ONE_CLICK)) {
            return base(
                    reasons,
                    3,
                    "Remote intrusion into people's devices that needs the target to open a link or" + " file.",
                    "CASE-01");
        }
        return base(
                reasons,
                3,
                "Intrusion capability against devices; the delivery vector does not lower the" + " rating.",
                "PMP-COP-DEF-CCIC");
    }

    private static int research(CapabilityDescription d, List<Reason> reasons) {
        if (DecontrolNotes.disclosureOrIncidentResponse(d)) {
            return base(reasons, 1, "Shared to get a vulnerability fixed or an incident remediated.", "WA-4E001-N1");
        }
        if (d.exploitationTechnique().isNo()) {
            return base(reasons, 1, "Describes a vulnerability without the means to exploit it.", "WA-4E001C");
        }
        return base(
                reasons,
                3,
                "Exploitation know-how supplied to a customer rather than to whoever fixes the" + " vulnerability.",
                "WA-4E001C",
                "PMP-PRE-1");
    }

    private static int interception(CapabilityDescription d, List<Reason> reasons) {
        Set<InterceptionFunction> functions = d.interceptionFunctions();
        if (functions.contains(InterceptionFunction.AIR_INTERFACE_CONTENT) || functions.isEmpty()) {
            return base(reasons, 4, "Intercepts calls and data of phones nearby, covertly.", "WA-5A001F");
        }
        if (functions.contains(InterceptionFunction.SUBSCRIBER_IDENTIFIERS)) {
            return base(
                    reasons,
                    3,
                    "Captures phone identifiers of everyone nearby and locates people (IMSI catcher).",
                    "WA-5A001F");
        }
        if (functions.contains(InterceptionFunction.JAMMING)) {
            return base(reasons, 2, "Jams mobile communications.", "WA-5A001F");
        }
        return base(reasons, 1, "Detects interception or jamming equipment: a defensive function.", "WA-5A001F");
    }

    private static int other(CapabilityDescription d, List<Reason> reasons) {
        ExcludedCategory category = d.excludedCategory();
        if (category != null && category != ExcludedCategory.NONE && category != ExcludedCategory.ASSET_TRACKING) {
            return base(
                    reasons,
                    1,
                    "A general-purpose tool the intrusion-software definition leaves out.",
                    "WA-DEF-IS-X1",
                    "WA-DEF-IS-X2");
        }
        if (d.covert().isYes() && d.naturalPersons().isYes()) {
            return base(reasons, 3, "Covertly monitors individual people.", "EU-ART2-20", "EUREC-SCOPE-1");
        }
        if (!d.covert().isKnown() || !d.naturalPersons().isKnown()) {
            return base(
                    reasons,
                    3,
                    "Not yet known whether it covertly monitors people; rated high until it is.",
                    "EU-ART2-20");
        }
        return base(reasons, 1, "No intrusion or covert surveillance capability described.", "EU-ART2-20");
    }

    private static void notes(CapabilityDescription d, List<Reason> reasons) {
        if (d.persistence() == Persistence.FIRMWARE) {
            reasons.add(new Reason(
                    Effect.NOTE,
                    "Persists at firmware or boot level: removal is hard for the target.",
                    List.of("PMP-PRE-1")));
        }
        if (d.dataCollected().contains(DataCategory.LIVE_AUDIO_VIDEO)) {
            reasons.add(new Reason(
                    Effect.NOTE,
                    "Can switch on microphone or camera: surveillance of the target's"
                            + " surroundings, not only the device.",
                    List.of("EUREC-RF-ITEM")));
        }
        if (d.evadesMonitoring().isYes() && d.covert().isYes()) {
            reasons.add(new Reason(
                    Effect.NOTE, "Built to evade security monitoring and to work covertly.", List.of("EUREC-RF-ITEM")));
        }
        if (d.updateChannel() == UpdateChannel.VENDOR_REMOTE_ACCESS
                && reasons.stream().noneMatch(r -> r.effect() == Effect.RAISES)) {
            reasons.add(new Reason(
                    Effect.NOTE, "The vendor logs in remotely to customer systems.", List.of("US-EO-CI-2", "CASE-17")));
        }
        if (d.safeguards().contains(Safeguard.NONE)
                && reasons.stream()
                        .noneMatch(r -> r.effect() == Effect.NOTE && r.text().startsWith("No built-in"))) {
            reasons.add(new Reason(Effect.NOTE, "No built-in safeguards.", List.of("PMP-PRE-2")));
        }
        if (d.published() == Tri.YES && !PUBLISHABLE.contains(d.itemKind())) {
            reasons.add(new Reason(
                    Effect.NOTE,
                    "Published, but an operational capability: publication does not lower" + " the rating.",
                    List.of("WA-GTN-GSN")));
        }
    }

    private static int base(List<Reason> reasons, int tier, String text, String... rules) {
        reasons.add(new Reason(Effect.BASE, "Base tier " + tier + ": " + text, List.of(rules)));
        return tier;
    }
}
