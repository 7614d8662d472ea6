package org.pallas.licensing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether an exporter may register under published general-authorisation terms, and whether a reported use falls
 * within a registration. Plain Java. Every reason names the field it is about and cites the rule IDs the terms rest
 * on ({@link GeneralAuthorisationTerms#basis()}), marked unverified when the terms are.
 */
public final class GeneralAuthorisationEligibility {

    private GeneralAuthorisationEligibility() {}

    /** What a registrant declares: the products (by control entry), destinations, end-user types and safeguards. */
    public record Scope(
            Set<String> controlEntries,
            Set<String> destinations,
            Set<EndUserType> endUserTypes,
            Set<Safeguard> safeguards) {

        public Scope {
            controlEntries = Set.copyOf(new TreeSet<>(controlEntries));
            destinations = Set.copyOf(new TreeSet<>(destinations));
            endUserTypes = Set.copyOf(endUserTypes);
            safeguards = Set.copyOf(safeguards);
        }
    }

    /** One use reported under a registration. */
    public record Use(
            LocalDate usedOn,
            String destination,
            String endUserName,
            EndUserType endUserType,
            String controlEntry,
            int quantity,
            String description) {}

    /** The reasons a registration is refused; empty when the exporter is eligible. */
    public static List<FieldError> register(GeneralAuthorisationTerms terms, Scope scope) {
        List<FieldError> reasons = new ArrayList<>();
        String cite = cite(terms);
        if (scope.controlEntries().isEmpty()) {
            reasons.add(new FieldError("controlEntries", "name the control entries of the products you will export"));
        }
        for (String entry : new TreeSet<>(scope.controlEntries())) {
            if (!terms.controlEntries().contains(entry)) {
                reasons.add(new FieldError("controlEntries", entry + " is not covered by " + terms.id() + cite));
            }
        }
        if (scope.destinations().isEmpty()) {
            reasons.add(new FieldError("destinations", "name the destinations you will export to"));
        }
        for (String code : new TreeSet<>(scope.destinations())) {
            if (!Countries.isAlpha2(code)) {
                reasons.add(new FieldError("destinations", "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
            } else if (!terms.destinations().contains(code)) {
                reasons.add(new FieldError("destinations", code + " is not a destination of " + terms.id() + cite));
            }
        }
        if (scope.endUserTypes().isEmpty()) {
            reasons.add(new FieldError("endUserTypes", "say which types of end user you will supply"));
        }
        for (EndUserType type : scope.endUserTypes()) {
            if (!terms.endUserTypes().contains(type)) {
                reasons.add(
                        new FieldError("endUserTypes", type + " end users are not covered by " + terms.id() + cite));
            }
        }
        for (Safeguard s : terms.requiredSafeguards()) {
            if (!scope.safeguards().contains(s)) {
                reasons.add(new FieldError("safeguards", terms.id() + " requires the safeguard " + s + cite));
            }
        }
        return reasons;
    }

    /** The reasons a reported use falls outside the registration; empty when it is within it. */
    public static List<FieldError> use(
            GeneralAuthorisationTerms terms, Scope registered, Use use, LocalDate today, LocalDate registeredOn) {
        List<FieldError> reasons = new ArrayList<>();
        String cite = cite(terms);
        if (use.usedOn() == null) {
            reasons.add(new FieldError("usedOn", "give the date of the use"));
        } else if (use.usedOn().isAfter(today)) {
            reasons.add(new FieldError("usedOn", "a use is reported after it happened, not before"));
        } else if (use.usedOn().isBefore(registeredOn)) {
            reasons.add(new FieldError(
                    "usedOn",
                    "the use predates the registration (" + registeredOn + "): it was not covered by " + terms.id()
                            + cite));
        }
        if (use.destination() == null || !registered.destinations().contains(use.destination())) {
            reasons.add(new FieldError(
                    "destination",
                    (use.destination() == null || use.destination().isBlank()
                                    ? "the destination is missing"
                                    : use.destination() + " is not a destination of this registration")
                            + cite));
        }
        if (use.endUserName() == null || use.endUserName().isBlank()) {
            reasons.add(new FieldError("endUserName", "name the end user"));
        } else if (use.endUserName().length() > 200) {
            reasons.add(new FieldError("endUserName", "the name is longer than 200 characters"));
        }
        if (use.endUserType() == null || !registered.endUserTypes().contains(use.endUserType())) {
            reasons.add(new FieldError(
                    "endUserType",
                    (use.endUserType() == null
                                    ? "say what type of end user"
                                    : use.endUserType() + " end users are not covered by this registration")
                            + cite));
        }
        if (use.controlEntry() == null || !registered.controlEntries().contains(use.controlEntry())) {
            reasons.add(new FieldError(
                    "controlEntry",
                    (use.controlEntry() == null || use.controlEntry().isBlank()
                                    ? "name the control entry of the product"
                                    : use.controlEntry() + " is not covered by this registration")
                            + cite));
        }
        if (use.quantity() < 1) {
            reasons.add(new FieldError("quantity", "the quantity is at least 1"));
        }
        if (use.description() == null || use.description().isBlank()) {
            reasons.add(new FieldError("description", "describe what was delivered"));
        } else if (use.description().length() > 2000) {
            reasons.add(new FieldError("description", "the description is longer than 2000 characters"));
        }
        return reasons;
    }

    private static String cite(GeneralAuthorisationTerms terms) {
        return " (" + String.join(", ", terms.basis()) + (terms.unverified() ? "; unverified" : "") + ")";
    }
}
