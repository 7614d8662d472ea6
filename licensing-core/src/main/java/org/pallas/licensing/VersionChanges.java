package org.pallas.licensing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two versions of an application, field by field, in words an exporter and a caseworker can
 * check against the versions themselves. Products and parties are matched by their stable ids, so a renamed end user
 * reads as a change, not as one removal and one addition.
 */
public record VersionChanges(int from, int to, List<Line> lines) {

    /** One changed field: what it was and what it is now ("—" for nothing). */
    record Line(String field, String before, String after) {}

    public VersionChanges {
        lines = List.copyOf(lines);
    }

    static VersionChanges between(ApplicationVersion older, ApplicationVersion newer) {
        ApplicationDetails a = older.details();
        ApplicationDetails b = newer.details();
        List<Line> lines = new ArrayList<>();
        Map<String, Product> productsBefore = byId(a.products());
        Map<String, Product> productsAfter = byId(b.products());
        for (String id : union(productsBefore.keySet(), productsAfter.keySet())) {
            compare(lines, "product " + id, describe(productsBefore.get(id)), describe(productsAfter.get(id)));
        }
        Map<String, Party> partiesBefore = partiesById(a.parties());
        Map<String, Party> partiesAfter = partiesById(b.parties());
        for (String id : union(partiesBefore.keySet(), partiesAfter.keySet())) {
            compare(lines, "party " + id, describe(partiesBefore.get(id)), describe(partiesAfter.get(id)));
        }
        compare(lines, "destinations", String.join(", ", a.destinations()), String.join(", ", b.destinations()));
        compare(lines, "end-use statement", a.endUseStatement(), b.endUseStatement());
        compare(
                lines,
                "safeguards",
                String.join(
                        ", ",
                        new TreeSet<>(a.safeguards().stream().map(Enum::name).toList())),
                String.join(
                        ", ",
                        new TreeSet<>(b.safeguards().stream().map(Enum::name).toList())));
        compare(lines, "quantities", describe(a.quantities()), describe(b.quantities()));
        compare(lines, "targeted use", describe(a.targetedUse()), describe(b.targetedUse()));
        compare(
                lines,
                "due-diligence answers",
                a.dueDiligence().isEmpty() ? null : a.dueDiligence().toString(),
                b.dueDiligence().isEmpty() ? null : b.dueDiligence().toString());
        compare(
                lines,
                "end-user undertaking",
                a.undertaking() == null ? null : a.undertaking().sha256(),
                b.undertaking() == null ? null : b.undertaking().sha256());
        return new VersionChanges(older.number(), newer.number(), lines);
    }

    /** The changes from each version to the next, oldest first. */
    public static List<VersionChanges> of(List<ApplicationVersion> versions) {
        List<VersionChanges> all = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            all.add(between(versions.get(i - 1), versions.get(i)));
        }
        return all;
    }

    private static void compare(List<Line> lines, String field, String before, String after) {
        String x = blankToDash(before);
        String y = blankToDash(after);
        if (!Objects.equals(x, y)) {
            lines.add(new Line(field, x, y));
        }
    }

    private static String blankToDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static Map<String, Product> byId(List<Product> products) {
        Map<String, Product> m = new LinkedHashMap<>();
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            m.put(p.productId() == null ? "#" + (i + 1) : p.productId(), p);
        }
        return m;
    }

    private static Map<String, Party> partiesById(List<Party> parties) {
        Map<String, Party> m = new LinkedHashMap<>();
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            m.put(p.partyId() == null ? "#" + (i + 1) : p.partyId(), p);
        }
        return m;
    }

    private static List<String> union(java.util.Set<String> x, java.util.Set<String> y) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(x);
        all.addAll(y);
        return List.copyOf(all);
    }

    private static String describe(Product p) {
        return p == null ? null : p.name() + " [" + String.join(", ", p.controlEntries()) + "] " + p.classification();
    }

    private static String describe(Party p) {
        if (p == null) {
            return null;
        }
        return p.role() + ": " + p.name() + ", " + p.countryCode() + ", " + p.address()
                + (p.endUserType() == null ? "" : " (" + p.endUserType() + ")")
                + (p.agencyOrUnit() == null || p.agencyOrUnit().isBlank() ? "" : ", " + p.agencyOrUnit())
                + (p.oversight() == null
                        ? ""
                        : "; oversight " + p.oversight().independent() + " "
                                + p.oversight().body() + " / " + p.oversight().legalBasis());
    }

    private static String describe(TargetedUse t) {
        return t == null ? null : t.targets() + " targets (" + t.kind() + ") for " + t.months() + " months";
    }

    private static String describe(QuantityModel q) {
        return q == null
                ? null
                : q.seats() + " seats, " + q.concurrentTargets() + " concurrent targets, " + q.deployments()
                        + " deployments, " + q.updateAndSupportMonths() + " months of updates and support";
    }
}
