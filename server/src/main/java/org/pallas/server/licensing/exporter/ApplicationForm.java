package org.pallas.server.licensing.exporter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.ClassificationStatus;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.FieldError;
import org.pallas.licensing.Oversight;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.licensing.Product;
import org.pallas.licensing.QuantityModel;
import org.pallas.licensing.Safeguard;
import org.pallas.licensing.TargetedUse;
import org.pallas.licensing.UndertakingDocument;

/**
 * The exporter's HTML form for an individual licence: one product, one end user and the rest of the application as
 * plain strings, so that nothing the exporter typed is lost to a binding error; {@link #toDetails} says what it cannot
 * read. Field names are the element ids the error summary links to. The product is picked from the exporter's product
 * register ({@code productId}, the register id the assessment reads the classification of) or, when it is not
 * registered, typed in (the line's id is then {@link #PRODUCT_ID} and it cannot take the fast track).
 */
record ApplicationForm(
        String productId,
        String productName,
        String controlEntries,
        String classification,
        String riskTier,
        String endUserName,
        String endUserCountry,
        String endUserAddress,
        String endUserType,
        String endUserAgency,
        String destinations,
        String endUseCategory,
        String endUseStatement,
        List<String> safeguards,
        String seats,
        String concurrentTargets,
        String deployments,
        String supportMonths,
        String targets,
        String targetKind,
        String targetMonths,
        String oversight,
        String oversightBody,
        String oversightLegalBasis,
        List<PartyRow> otherParties,
        String addParty,
        String removeParty) {

    /** The product line's id when the product is not in the exporter's register (the exporter's own line). */
    static final String PRODUCT_ID = "P1";

    static final String END_USER_ID = "EU1";
    /** Rows an open licence form may hold besides the first end user (the API takes any number). */
    static final int MAX_OTHER_PARTIES = 50;

    /**
     * A further named end user of an open licence, as typed. Row {@code i} is the application's party {@code i + 1}
     * and its inputs are named {@code otherParties[i].name} and so on, so the form posts back without JavaScript.
     */
    record PartyRow(String name, String countryCode, String address, String endUserType, String agencyOrUnit) {

        static PartyRow empty() {
            return new PartyRow("", "", "", "", "");
        }

        boolean isBlank() {
            return blank(name) && blank(countryCode) && blank(address) && blank(endUserType) && blank(agencyOrUnit);
        }

        static PartyRow of(Party p) {
            return new PartyRow(
                    p.name(),
                    p.countryCode(),
                    p.address(),
                    p.endUserType() == null ? "" : p.endUserType().name(),
                    p.agencyOrUnit() == null ? "" : p.agencyOrUnit());
        }
    }

    /** The further party rows, never null. */
    public List<PartyRow> rows() {
        return otherParties == null
                ? List.of()
                : otherParties.stream()
                        .map(r -> r == null ? PartyRow.empty() : r)
                        .toList();
    }

    /**
     * The same form with the product's name taken from the exporter's register when a registered product is chosen
     * and no name typed; {@code registered} maps register ids to names.
     */
    ApplicationForm withRegisteredName(Map<String, String> registered) {
        if (blank(productId) || !blank(productName) || !registered.containsKey(productId.strip())) {
            return this;
        }
        return new ApplicationForm(
                productId,
                registered.get(productId.strip()),
                controlEntries,
                classification,
                riskTier,
                endUserName,
                endUserCountry,
                endUserAddress,
                endUserType,
                endUserAgency,
                destinations,
                endUseCategory,
                endUseStatement,
                safeguards,
                seats,
                concurrentTargets,
                deployments,
                supportMonths,
                targets,
                targetKind,
                targetMonths,
                oversight,
                oversightBody,
                oversightLegalBasis,
                otherParties,
                addParty,
                removeParty);
    }

    /** The same form with one more empty row (the "add another end user" button). */
    ApplicationForm withAnotherRow() {
        List<PartyRow> rows = new ArrayList<>(rows());
        if (rows.size() < MAX_OTHER_PARTIES) {
            rows.add(PartyRow.empty());
        }
        return withRows(rows);
    }

    /** The same form without row {@code index} (a "remove" button). */
    ApplicationForm withoutRow(int index) {
        List<PartyRow> rows = new ArrayList<>(rows());
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        return withRows(rows);
    }

    private ApplicationForm withRows(List<PartyRow> rows) {
        return new ApplicationForm(
                productId,
                productName,
                controlEntries,
                classification,
                riskTier,
                endUserName,
                endUserCountry,
                endUserAddress,
                endUserType,
                endUserAgency,
                destinations,
                endUseCategory,
                endUseStatement,
                safeguards,
                seats,
                concurrentTargets,
                deployments,
                supportMonths,
                targets,
                targetKind,
                targetMonths,
                oversight,
                oversightBody,
                oversightLegalBasis,
                List.copyOf(rows),
                null,
                null);
    }

    static ApplicationForm of(ApplicationDetails d, CaseCommand.Declarations declared) {
        Product p = d.products().isEmpty() ? null : d.products().get(0);
        Party u = d.partiesIn(PartyRole.END_USER).isEmpty()
                ? null
                : d.partiesIn(PartyRole.END_USER).get(0);
        QuantityModel q = d.quantities();
        TargetedUse t = d.targetedUse();
        Oversight o = u == null ? null : u.oversight();
        return new ApplicationForm(
                p == null || p.productId() == null || PRODUCT_ID.equals(p.productId()) ? "" : p.productId(),
                p == null ? "" : p.name(),
                p == null ? "" : String.join(", ", p.controlEntries()),
                p == null || p.classification() == null
                        ? "CONFIRMED"
                        : p.classification().name(),
                declared.riskTier() == null ? "" : declared.riskTier().toString(),
                u == null ? "" : u.name(),
                u == null ? "" : u.countryCode(),
                u == null ? "" : u.address(),
                u == null || u.endUserType() == null ? "" : u.endUserType().name(),
                u == null ? "" : u.agencyOrUnit(),
                String.join(", ", d.destinations()),
                declared.endUseCategory() == null ? "" : declared.endUseCategory(),
                d.endUseStatement() == null ? "" : d.endUseStatement(),
                d.safeguards().stream().map(Enum::name).sorted().toList(),
                q == null ? "" : Integer.toString(q.seats()),
                q == null ? "" : Integer.toString(q.concurrentTargets()),
                q == null ? "" : Integer.toString(q.deployments()),
                q == null ? "" : Integer.toString(q.updateAndSupportMonths()),
                t == null || t.targets() == null ? "" : t.targets().toString(),
                t == null || t.kind() == null ? "" : t.kind(),
                t == null || t.months() == null ? "" : t.months().toString(),
                o == null || o.independent() == null ? "" : o.independent() ? "YES" : "NO",
                o == null || o.body() == null ? "" : o.body(),
                o == null || o.legalBasis() == null ? "" : o.legalBasis(),
                d.partiesIn(PartyRole.END_USER).stream()
                        .skip(1)
                        .map(PartyRow::of)
                        .toList(),
                null,
                null);
    }

    /** Form fields that could not be read at all (not numbers, unknown choices). */
    Map<String, String> unreadable() {
        Map<String, String> errors = new LinkedHashMap<>();
        number("riskTier", riskTier, errors);
        number("seats", seats, errors);
        number("concurrentTargets", concurrentTargets, errors);
        number("deployments", deployments, errors);
        number("supportMonths", supportMonths, errors);
        number("targets", targets, errors);
        number("targetMonths", targetMonths, errors);
        return errors;
    }

    /** Whether the form states a targeted scope (then it is shown whether or not the risk asks for it). */
    public boolean statesTargetedUse() {
        return !(blank(targets) && blank(targetKind) && blank(targetMonths));
    }

    /** Whether the form states the first end user's oversight (shown then, whether or not the risk asks for it). */
    public boolean statesOversight() {
        return !(blank(oversight) && blank(oversightBody) && blank(oversightLegalBasis));
    }

    /**
     * The details as typed. What the form does not edit is kept from {@code previous}: the due-diligence answers and
     * the oversight stated (through the API) for further end users.
     */
    ApplicationDetails toDetails(ApplicationDetails previous) {
        UndertakingDocument undertaking = previous.undertaking();
        List<Product> products = blank(productId) && blank(productName) && blank(controlEntries)
                ? List.of()
                : List.of(new Product(
                        blank(productId) ? PRODUCT_ID : productId.strip(),
                        trim(productName),
                        choice(ClassificationStatus.class, classification),
                        split(controlEntries)));
        List<PartyRow> others = rows().stream().filter(r -> !r.isBlank()).toList();
        List<Party> parties = new ArrayList<>();
        // The first end user is kept when further rows are filled in, so that party i + 1 is always row i.
        if (!(blank(endUserName) && blank(endUserCountry) && blank(endUserAddress)) || !others.isEmpty()) {
            parties.add(new Party(
                    END_USER_ID,
                    PartyRole.END_USER,
                    trim(endUserName),
                    upper(endUserCountry),
                    trim(endUserAddress),
                    choice(EndUserType.class, endUserType),
                    trim(endUserAgency),
                    statesOversight()
                            ? new Oversight(
                                    blank(oversight) ? null : "YES".equals(oversight.strip()),
                                    trim(oversightBody),
                                    trim(oversightLegalBasis))
                            : null));
        }
        for (int i = 0; i < others.size(); i++) {
            PartyRow r = others.get(i);
            parties.add(new Party(
                    "EU" + (i + 2),
                    PartyRole.END_USER,
                    trim(r.name()),
                    upper(r.countryCode()),
                    trim(r.address()),
                    choice(EndUserType.class, r.endUserType()),
                    trim(r.agencyOrUnit()),
                    stated(previous, "EU" + (i + 2))));
        }
        Set<String> dest = new LinkedHashSet<>();
        split(destinations).forEach(c -> dest.add(c.toUpperCase(Locale.ROOT)));
        Set<Safeguard> chosen = EnumSet.noneOf(Safeguard.class);
        (safeguards == null ? List.<String>of() : safeguards).forEach(s -> chosen.add(Safeguard.valueOf(s)));
        QuantityModel q = blank(seats) && blank(deployments) && blank(concurrentTargets) && blank(supportMonths)
                ? null
                : new QuantityModel(
                        intOr0(seats), intOr0(concurrentTargets), intOr0(deployments), intOr0(supportMonths));
        TargetedUse scope = statesTargetedUse()
                ? new TargetedUse(intOrNull(targets), trim(targetKind), intOrNull(targetMonths))
                : null;
        return new ApplicationDetails(
                products,
                parties,
                dest,
                trim(endUseStatement),
                undertaking,
                chosen,
                q,
                null,
                scope,
                previous.dueDiligence());
    }

    private static Oversight stated(ApplicationDetails previous, String partyId) {
        return previous.parties().stream()
                .filter(p -> partyId.equals(p.partyId()))
                .map(Party::oversight)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static Integer intOrNull(String s) {
        return blank(s) || !s.trim().matches("\\d{1,6}") ? null : Integer.valueOf(s.trim());
    }

    CaseCommand.Declarations declarations() {
        return new CaseCommand.Declarations(
                blank(riskTier) || !riskTier.trim().matches("\\d{1,2}") ? null : Integer.valueOf(riskTier.trim()),
                blank(endUseCategory) ? null : endUseCategory);
    }

    /** The form field a domain field path belongs to, e.g. {@code parties[0].countryCode} to {@code endUserCountry}. */
    static String formField(String path) {
        if (path.startsWith("products")) {
            if (path.contains("productId")) {
                return "productId";
            }
            return path.contains("controlEntries")
                    ? "controlEntries"
                    : path.contains("classification") ? "classification" : "productName";
        }
        if (path.startsWith("parties[0].oversight")) {
            return path.endsWith("legalBasis") ? "oversightLegalBasis" : "oversightBody";
        }
        java.util.regex.Matcher row =
                java.util.regex.Pattern.compile("parties\\[(\\d+)]\\.(\\w+).*").matcher(path);
        if (row.matches() && Integer.parseInt(row.group(1)) > 0) {
            // Party i + 1 is the further row i: its inputs carry the row's own names.
            return "otherParties[" + (Integer.parseInt(row.group(1)) - 1) + "]." + row.group(2);
        }
        if (path.startsWith("parties")) {
            if (path.endsWith("countryCode")) {
                return "endUserCountry";
            }
            if (path.endsWith("address")) {
                return "endUserAddress";
            }
            if (path.endsWith("endUserType")) {
                return "endUserType";
            }
            if (path.endsWith("agencyOrUnit")) {
                return "endUserAgency";
            }
            return "endUserName";
        }
        if (path.startsWith("targetedUse")) {
            return path.endsWith("months") ? "targetMonths" : path.endsWith("kind") ? "targetKind" : "targets";
        }
        if (path.startsWith("quantities")) {
            return path.endsWith("concurrentTargets")
                    ? "concurrentTargets"
                    : path.endsWith("deployments")
                            ? "deployments"
                            : path.endsWith("updateAndSupportMonths") ? "supportMonths" : "seats";
        }
        if (path.startsWith("undertaking")) {
            return "undertaking";
        }
        return path;
    }

    static Map<String, String> messages(List<FieldError> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach(e -> out.putIfAbsent(formField(e.field()), e.message()));
        return out;
    }

    private static void number(String field, String value, Map<String, String> errors) {
        if (!blank(value) && !value.trim().matches("\\d{1,6}")) {
            errors.put(field, "enter a whole number");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return blank(value)
                        || Arrays.stream(type.getEnumConstants())
                                .noneMatch(e -> e.name().equals(value))
                ? null
                : Enum.valueOf(type, value);
    }

    private static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) {
            for (String part : csv.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static int intOr0(String s) {
        return blank(s) || !s.trim().matches("\\d{1,6}") ? 0 : Integer.parseInt(s.trim());
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
