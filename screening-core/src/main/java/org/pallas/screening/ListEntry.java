package org.pallas.screening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One entry of a restricted-party list, in a form common to every list format.
 *
 * <p>{@link #digest()} is a SHA-256 over a canonical rendering of every field, so two list versions
 * can be compared entry by entry: same id and digest means unchanged; the server re-screens parties
 * only against entries whose digest changed (see {@link ListDelta}).
 *
 * @param id          the list's own identifier (OFAC ent_num, UN reference number, CSL _id, ...)
 * @param source      the list, e.g. "US-OFAC-SDN", "UN-SC", "US-BIS-DPL"
 * @param kind        person, organisation, vessel, aircraft, or any where the list does not say
 * @param names       primary name first, then aliases; never empty
 * @param countries   ISO 3166 alpha-2 codes (nationality, citizenship, registration, address)
 * @param birthDates  birth dates (persons) or incorporation dates as listed
 * @param identifiers documents and registry numbers
 * @param programmes  the sanctions programmes or legal bases, e.g. "CYBER2", "Entity List (744.11)"
 * @param listedOn    the date of listing, or null when the list does not say
 * @param delistedOn  the date from which the entry is no longer listed, or null while listed
 */
public record ListEntry(
        String id,
        String source,
        EntryKind kind,
        List<ListedName> names,
        Set<String> countries,
        List<PartialDate> birthDates,
        List<Identifier> identifiers,
        List<String> programmes,
        LocalDate listedOn,
        LocalDate delistedOn,
        String digest) {

    public ListEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("entry " + id + " has no name");
        }
        names = List.copyOf(names);
        countries = Set.copyOf(new TreeSet<>(countries));
        birthDates = List.copyOf(birthDates);
        identifiers = List.copyOf(identifiers);
        programmes = List.copyOf(programmes);
        if (digest == null) {
            digest = computeDigest(
                    id, source, kind, names, countries, birthDates, identifiers, programmes, listedOn, delistedOn);
        }
    }

    /** The primary name (the first listed). */
    public ListedName primaryName() {
        return names.get(0);
    }

    /** Whether the entry is listed on {@code date}: delisting takes effect on its date. */
    public boolean isListedOn(LocalDate date) {
        return delistedOn == null || date.isBefore(delistedOn);
    }

    private static String computeDigest(
            String id,
            String source,
            EntryKind kind,
            List<ListedName> names,
            Set<String> countries,
            List<PartialDate> birthDates,
            List<Identifier> identifiers,
            List<String> programmes,
            LocalDate listedOn,
            LocalDate delistedOn) {
        StringBuilder sb = new StringBuilder();
        // Unit separators keep field boundaries unambiguous; sets are rendered sorted.
        sb.append(id).append('\u001f').append(source).append('\u001f').append(kind);
        for (ListedName n : names) {
            sb.append("\u001en\u001f")
                    .append(n.value())
                    .append('\u001f')
                    .append(n.quality())
                    .append('\u001f')
                    .append(n.former());
        }
        sb.append("\u001ec\u001f").append(String.join(",", new TreeSet<>(countries)));
        birthDates.stream()
                .map(PartialDate::toString)
                .sorted()
                .forEach(d -> sb.append("\u001eb\u001f").append(d));
        identifiers.stream()
                .map(i -> i.type() + '\u001f' + i.value() + '\u001f' + i.country())
                .sorted()
                .forEach(i -> sb.append("\u001ei\u001f").append(i));
        programmes.stream().sorted().forEach(p -> sb.append("\u001ep\u001f").append(p));
        sb.append("\u001el\u001f").append(listedOn).append('\u001f').append(delistedOn);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static Builder builder(String source, String id) {
        return new Builder(source, id);
    }

    /** Collects the fields of an entry while a parser reads them; duplicates are dropped. */
    public static final class Builder {
        private final String source;
        private final String id;
        private EntryKind kind = EntryKind.ANY;
        private final List<ListedName> names = new ArrayList<>();
        private final Set<String> nameKeys = new LinkedHashSet<>();
        private final Set<String> countries = new LinkedHashSet<>();
        private final Set<PartialDate> birthDates = new LinkedHashSet<>();
        private final Set<Identifier> identifiers = new LinkedHashSet<>();
        private final Set<String> programmes = new LinkedHashSet<>();
        private LocalDate listedOn;
        private LocalDate delistedOn;

        private Builder(String source, String id) {
            this.source = source;
            this.id = id;
        }

        public Builder kind(EntryKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder name(ListedName name) {
            if (nameKeys.add(name.value() + '\u001f' + name.quality())) {
                names.add(name);
            }
            return this;
        }

        public Builder country(String iso2) {
            if (iso2 != null && !iso2.isBlank()) {
                countries.add(iso2);
            }
            return this;
        }

        public Builder birthDate(PartialDate date) {
            if (date != null) {
                birthDates.add(date);
            }
            return this;
        }

        public Builder identifier(Identifier identifier) {
            identifiers.add(identifier);
            return this;
        }

        public Builder programme(String programme) {
            if (programme != null && !programme.isBlank()) {
                programmes.add(programme.strip());
            }
            return this;
        }

        public Builder listedOn(LocalDate date) {
            this.listedOn = date;
            return this;
        }

        public Builder delistedOn(LocalDate date) {
            this.delistedOn = date;
            return this;
        }

        public boolean hasNames() {
            return !names.isEmpty();
        }

        public ListEntry build() {
            return new ListEntry(
                    id,
                    source,
                    kind,
                    names,
                    countries,
                    List.copyOf(birthDates),
                    List.copyOf(identifiers),
                    List.copyOf(programmes),
                    listedOn,
                    delistedOn,
                    null);
        }
    }
}
