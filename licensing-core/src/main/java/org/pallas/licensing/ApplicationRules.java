package org.pallas.licensing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Field-level validation of an application: the rules every type shares, then the type's own rules (one end user
 * for an individual licence, several for an open licence, the published terms for a general registration).
 */
public final class ApplicationRules {

    static final int MAX_END_USE_STATEMENT = 4000;
    static final int MAX_UPDATE_AND_SUPPORT_MONTHS = 60;

    private final GeneralAuthorisations generalAuthorisations;

    public ApplicationRules(GeneralAuthorisations generalAuthorisations) {
        this.generalAuthorisations = generalAuthorisations;
    }

    /** Every problem found, in field order; empty when the application may be submitted. */
    public List<FieldError> validate(LicenceType type, ApplicationDetails details) {
        List<FieldError> errors = new ArrayList<>();
        products(details, errors);
        parties(details, errors);
        destinations(details, errors);
        endUse(details, errors);
        undertaking(type, details, errors);
        if (details.safeguards().isEmpty()) {
            errors.add(new FieldError("safeguards", "state the contractual safeguards the end user agrees to"));
        }
        quantities(details.quantities(), errors);
        targetedUse(details.targetedUse(), errors);
        switch (type) {
            case INDIVIDUAL -> {
                if (details.partiesIn(PartyRole.END_USER).size() != 1) {
                    errors.add(new FieldError(
                            "parties",
                            "an individual licence names exactly one end user, found "
                                    + details.partiesIn(PartyRole.END_USER).size()));
                }
            }
            case OPEN -> {
                if (details.partiesIn(PartyRole.END_USER).size() < 2) {
                    errors.add(new FieldError(
                            "parties",
                            "an open licence names several end users; for one end user apply"
                                    + " for an individual licence"));
                }
            }
            case GENERAL_REGISTRATION -> generalTerms(details, errors);
        }
        if (type != LicenceType.GENERAL_REGISTRATION && details.generalAuthorisationId() != null) {
            errors.add(new FieldError(
                    "generalAuthorisationId", "only a general registration names general authorisation terms"));
        }
        return errors;
    }

    private static void products(ApplicationDetails d, List<FieldError> errors) {
        if (d.products().isEmpty()) {
            errors.add(new FieldError("products", "add at least one product"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < d.products().size(); i++) {
            Product p = d.products().get(i);
            String at = "products[" + i + "]";
            if (blank(p.productId())) {
                errors.add(new FieldError(at + ".productId", "product id is missing"));
            } else if (!ids.add(p.productId())) {
                errors.add(new FieldError(at + ".productId", "product " + p.productId() + " is listed twice"));
            }
            if (blank(p.name())) {
                errors.add(new FieldError(at + ".name", "product name is missing"));
            }
            if (p.classification() == null) {
                errors.add(new FieldError(
                        at + ".classification", "say whether the classification is confirmed or pending"));
            } else if (p.classification() == ClassificationStatus.CONFIRMED
                    && p.controlEntries().isEmpty()) {
                errors.add(
                        new FieldError(at + ".controlEntries", "a confirmed classification names its control entries"));
            }
            for (int j = 0; j < p.controlEntries().size(); j++) {
                if (blank(p.controlEntries().get(j))) {
                    errors.add(new FieldError(at + ".controlEntries[" + j + "]", "control entry is empty"));
                }
            }
        }
    }

    private static void parties(ApplicationDetails d, List<FieldError> errors) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < d.parties().size(); i++) {
            Party p = d.parties().get(i);
            String at = "parties[" + i + "]";
            if (blank(p.partyId())) {
                errors.add(new FieldError(at + ".partyId", "party id is missing"));
            } else if (!ids.add(p.partyId())) {
                errors.add(new FieldError(at + ".partyId", "party " + p.partyId() + " is listed twice"));
            }
            if (p.role() == null) {
                errors.add(new FieldError(at + ".role", "party role is missing"));
            }
            if (blank(p.name())) {
                errors.add(new FieldError(at + ".name", "party name is missing"));
            }
            if (!Countries.isAlpha2(p.countryCode())) {
                errors.add(new FieldError(
                        at + ".countryCode", "'" + p.countryCode() + "' is not an ISO 3166-1 alpha-2 country code"));
            }
            if (blank(p.address())) {
                errors.add(new FieldError(at + ".address", "party address is missing"));
            }
            if (p.isEndUser()) {
                if (p.endUserType() == null) {
                    errors.add(new FieldError(at + ".endUserType", "say what type of end user this is"));
                } else if (p.endUserType() != null && p.endUserType().government() && blank(p.agencyOrUnit())) {
                    errors.add(new FieldError(at + ".agencyOrUnit", "a government end user names its agency or unit"));
                }
                oversight(at, p.oversight(), errors);
                if (p.countryCode() != null && !d.destinations().contains(p.countryCode())) {
                    errors.add(new FieldError(
                            at + ".countryCode",
                            "end user's country " + p.countryCode() + " is not among the destinations"));
                }
            }
        }
    }

    /** Independent oversight counts only with its body and legal basis named (PMP-OVS-1, PMP-ACC-1). */
    private static void oversight(String at, Oversight o, List<FieldError> errors) {
        if (o == null) {
            return;
        }
        if (Boolean.TRUE.equals(o.independent())) {
            if (blank(o.body())) {
                errors.add(new FieldError(at + ".oversight.body", "name the body that authorises and reviews the use"));
            }
            if (blank(o.legalBasis())) {
                errors.add(new FieldError(
                        at + ".oversight.legalBasis", "name the law and warrant regime the end user acts under"));
            }
        }
        if (o.body() != null && o.body().length() > Oversight.MAX_TEXT) {
            errors.add(new FieldError(at + ".oversight.body", "at most " + Oversight.MAX_TEXT + " characters"));
        }
        if (o.legalBasis() != null && o.legalBasis().length() > Oversight.MAX_TEXT) {
            errors.add(new FieldError(at + ".oversight.legalBasis", "at most " + Oversight.MAX_TEXT + " characters"));
        }
    }

    /** A stated scope is bounded and complete (PMP-PRE-1); not stating one is allowed and counts as untargeted. */
    private static void targetedUse(TargetedUse t, List<FieldError> errors) {
        if (t == null || (t.targets() == null && blank(t.kind()) && t.months() == null)) {
            return;
        }
        if (t.targets() == null || t.targets() < 1 || t.targets() > TargetedUse.MAX_TARGETS) {
            errors.add(new FieldError(
                    "targetedUse.targets", "state the number of targets, 1 to " + TargetedUse.MAX_TARGETS));
        }
        if (blank(t.kind()) || t.kind().length() > Oversight.MAX_TEXT) {
            errors.add(new FieldError(
                    "targetedUse.kind", "say who the targets are (at most " + Oversight.MAX_TEXT + " characters)"));
        }
        if (t.months() == null || t.months() < 1 || t.months() > TargetedUse.MAX_MONTHS) {
            errors.add(new FieldError(
                    "targetedUse.months", "state how many months the use lasts, 1 to " + TargetedUse.MAX_MONTHS));
        }
    }

    private static void destinations(ApplicationDetails d, List<FieldError> errors) {
        if (d.destinations().isEmpty()) {
            errors.add(new FieldError("destinations", "add at least one destination"));
        }
        for (String code : d.destinations()) {
            if (!Countries.isAlpha2(code)) {
                errors.add(new FieldError("destinations", "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
            }
        }
    }

    private static void endUse(ApplicationDetails d, List<FieldError> errors) {
        if (blank(d.endUseStatement())) {
            errors.add(new FieldError("endUseStatement", "describe the end use"));
        } else if (d.endUseStatement().length() > MAX_END_USE_STATEMENT) {
            errors.add(new FieldError(
                    "endUseStatement",
                    "the end-use statement is longer than " + MAX_END_USE_STATEMENT + " characters"));
        }
    }

    private static void undertaking(LicenceType type, ApplicationDetails d, List<FieldError> errors) {
        UndertakingDocument u = d.undertaking();
        if (u == null) {
            // UK-LIC-SIEL: an individual licence needs the end user's undertaking as a supporting document.
            if (type == LicenceType.INDIVIDUAL) {
                errors.add(new FieldError("undertaking", "upload the end-user undertaking (UK-LIC-SIEL)"));
            }
            return;
        }
        if (!UndertakingDocument.ACCEPTED_MEDIA_TYPES.contains(u.mediaType())) {
            errors.add(new FieldError(
                    "undertaking.mediaType",
                    "the undertaking must be a PDF, PNG, JPEG or DOCX file, not " + u.mediaType()));
        }
        if (u.sizeBytes() <= 0 || u.sizeBytes() > UndertakingDocument.MAX_SIZE_BYTES) {
            errors.add(new FieldError(
                    "undertaking.sizeBytes",
                    "the undertaking must be between 1 byte and " + UndertakingDocument.MAX_SIZE_BYTES + " bytes, not "
                            + u.sizeBytes()));
        }
        if (u.sha256() == null || !u.sha256().matches("[0-9a-f]{64}")) {
            errors.add(
                    new FieldError("undertaking.sha256", "the undertaking's digest must be 64 lower-case hex digits"));
        }
    }

    private static void quantities(QuantityModel q, List<FieldError> errors) {
        if (q == null) {
            errors.add(new FieldError(
                    "quantities", "state the seats, concurrent targets, deployments and support period"));
            return;
        }
        nonNegative("quantities.seats", q.seats(), errors);
        nonNegative("quantities.concurrentTargets", q.concurrentTargets(), errors);
        nonNegative("quantities.deployments", q.deployments(), errors);
        if (q.seats() <= 0 && q.deployments() <= 0) {
            errors.add(new FieldError("quantities", "at least one seat or one deployment is needed"));
        }
        if (q.updateAndSupportMonths() < 0 || q.updateAndSupportMonths() > MAX_UPDATE_AND_SUPPORT_MONTHS) {
            errors.add(new FieldError(
                    "quantities.updateAndSupportMonths",
                    "the update and support period must be 0 to " + MAX_UPDATE_AND_SUPPORT_MONTHS + " months, not "
                            + q.updateAndSupportMonths()));
        }
    }

    private void generalTerms(ApplicationDetails d, List<FieldError> errors) {
        Optional<GeneralAuthorisationTerms> found = generalAuthorisations.find(d.generalAuthorisationId());
        if (found.isEmpty()) {
            errors.add(new FieldError(
                    "generalAuthorisationId",
                    d.generalAuthorisationId() == null
                            ? "name the general authorisation to register for"
                            : "no published general authorisation " + d.generalAuthorisationId()));
            return;
        }
        GeneralAuthorisationTerms terms = found.get();
        for (int i = 0; i < d.products().size(); i++) {
            Product p = d.products().get(i);
            if (p.classification() == ClassificationStatus.PENDING) {
                errors.add(new FieldError(
                        "products[" + i + "].classification",
                        "general authorisation " + terms.id() + " needs a confirmed classification"));
            }
            for (String entry : p.controlEntries()) {
                if (!terms.controlEntries().contains(entry)) {
                    errors.add(new FieldError(
                            "products[" + i + "].controlEntries",
                            entry + " is not covered by general authorisation " + terms.id()));
                }
            }
        }
        for (String code : d.destinations()) {
            if (!terms.destinations().contains(code)) {
                errors.add(new FieldError(
                        "destinations", code + " is not a destination of general authorisation " + terms.id()));
            }
        }
        for (int i = 0; i < d.parties().size(); i++) {
            Party p = d.parties().get(i);
            if (p.isEndUser()
                    && p.endUserType() != null
                    && !terms.endUserTypes().contains(p.endUserType())) {
                errors.add(new FieldError(
                        "parties[" + i + "].endUserType",
                        p.endUserType() + " end users are not covered by general authorisation " + terms.id()));
            }
        }
        for (Safeguard s : terms.requiredSafeguards()) {
            if (!d.safeguards().contains(s)) {
                errors.add(new FieldError("safeguards", "general authorisation " + terms.id() + " requires " + s));
            }
        }
    }

    private static void nonNegative(String field, int value, List<FieldError> errors) {
        if (value < 0) {
            errors.add(new FieldError(field, "must not be negative, was " + value));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
