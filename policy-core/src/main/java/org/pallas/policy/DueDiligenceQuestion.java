package org.pallas.policy;

import java.util.List;

/**
 * The due-diligence red-flag questions (EUREC-RF-*, EUREC-DD-3). Each is phrased so that YES means the red flag is
 * present. {@link Level} orders them for proportionate asking: a low-risk transfer is asked the BASIC ones, a
 * high-risk transfer all of them.
 */
public enum DueDiligenceQuestion {
    END_USE_INFORMATION_REFUSED(
            Level.BASIC,
            "endUseInformationRefused",
            "Has the customer declined or been reluctant to give end-use or end-user information, or is the stated use "
                    + "vague or implausible?",
            List.of("EUREC-RF-INFO")),
    UNUSUAL_INTERMEDIARY_OR_PAYMENT(
            Level.BASIC,
            "unusualIntermediaryOrPayment",
            "Does the deal involve unusual intermediaries, routing, shell companies or payment terms?",
            List.of("EUREC-RF-TXN", "UK-C7")),
    SECRECY_REQUESTED(
            Level.STANDARD,
            "secrecyRequested",
            "Has the customer asked for secrecy about the deal, the end user or the delivery beyond ordinary commercial "
                    + "confidentiality?",
            List.of("EUREC-RF-TXN")),
    FEATURES_OR_TRAINING_MISMATCH(
            Level.STANDARD,
            "featuresOrTrainingMismatch",
            "Has the customer requested features, training or support that do not fit the stated use?",
            List.of("EUREC-RF-CUST")),
    EVASION_CUSTOMISATION(
            Level.FULL,
            "evasionCustomisation",
            "Has the customer asked for customisation to evade detection by monitoring tools or to defeat protective "
                    + "countermeasures?",
            List.of("EUREC-RF-CUST", "WA-DEF-IS")),
    MASS_COLLECTION(
            Level.FULL,
            "massCollection",
            "Does the intended use involve mass rather than targeted collection?",
            List.of("EUREC-RF-CUST", "PMP-PRE-1")),
    NO_LEGAL_BASIS(
            Level.FULL,
            "noLegalBasis",
            "Does the end user lack a publicly accessible, clear legal basis for using the item?",
            List.of("PMP-ACC-1", "FOC-P-LEGAL")),
    PRIOR_MISUSE_KNOWN(
            Level.FULL,
            "priorMisuseKnown",
            "Is the exporter aware of earlier misuse by the end user for internal repression or serious human-rights "
                    + "violations?",
            List.of("EUREC-RF-HIST", "EU-ART5-2")),
    AT_RISK_TARGETS(
            Level.FULL,
            "atRiskTargets",
            "Could the targets include journalists, human-rights defenders, activists, political opposition or other "
                    + "groups of special concern?",
            List.of("FOC-AT-RISK", "US-EO-IU-2")),
    VENDOR_OPERATION_REQUESTED(
            Level.FULL,
            "vendorOperationRequested",
            "Has the customer asked the vendor to operate the system or keep remote access to it after delivery?",
            List.of("US-EO-CI-2", "PMP-PRE-2"));

    /** How much risk justifies asking a question. */
    public enum Level {
        BASIC,
        STANDARD,
        FULL
    }

    private final Level level;
    private final String factName;
    private final String text;
    private final List<String> cites;

    DueDiligenceQuestion(Level level, String factName, String text, List<String> cites) {
        this.level = level;
        this.factName = factName;
        this.text = text;
        this.cites = cites;
    }

    public Level level() {
        return level;
    }

    public String text() {
        return text;
    }

    public List<String> cites() {
        return cites;
    }

    /** The rulebook fact holding the answer, e.g. {@code dd.secrecyRequested}. */
    public String fact() {
        return "dd." + factName;
    }
}
