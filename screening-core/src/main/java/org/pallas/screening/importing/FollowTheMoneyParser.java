package org.pallas.screening.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.pallas.screening.EntryKind;
import org.pallas.screening.Identifier;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListedName;
import org.pallas.screening.PartialDate;

/**
 * OpenSanctions FollowTheMoney entities, one JSON object per line. Screenable schemata (Person,
 * Organization, Company, LegalEntity, PublicBody, Vessel, Airplane) become entries; the others
 * (Sanction, Ownership, Address, ...) are counted per schema in the report, not dropped silently.
 * {@code weakAlias} is weak; {@code previousName} is a former name.
 */
final class FollowTheMoneyParser implements ListParser {
    private static final Map<String, EntryKind> SCHEMATA = Map.of(
            "Person",
            EntryKind.PERSON,
            "Organization",
            EntryKind.ORGANISATION,
            "Company",
            EntryKind.ORGANISATION,
            "LegalEntity",
            EntryKind.ANY,
            "PublicBody",
            EntryKind.ORGANISATION,
            "Vessel",
            EntryKind.VESSEL,
            "Airplane",
            EntryKind.AIRCRAFT);
    private static final Set<String> ID_PROPERTIES = Set.of(
            "idNumber",
            "registrationNumber",
            "innCode",
            "ogrnCode",
            "leiCode",
            "imoNumber",
            "taxNumber",
            "swiftBic",
            "passportNumber",
            "mmsi",
            "vatCode");

    @Override
    public void parse(List<NamedInput> files, ImportReport.Builder report, Consumer<ListEntry> sink)
            throws IOException {
        NamedInput input = files.get(0);
        BufferedReader reader = new BufferedReader(new InputStreamReader(input.in(), StandardCharsets.UTF_8));
        long line = 0;
        for (String text; (text = reader.readLine()) != null; ) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            report.count("rows");
            Map<?, ?> entity;
            try {
                if (!(Json.parse(text) instanceof Map<?, ?> m)) {
                    report.malformed(input.name(), line, "line is not a JSON object");
                    continue;
                }
                entity = m;
            } catch (IllegalArgumentException e) {
                report.malformed(input.name(), line, e.getMessage());
                continue;
            }
            String schema = String.valueOf(entity.get("schema"));
            EntryKind kind = SCHEMATA.get(schema);
            if (kind == null) {
                report.count("skipped.schema." + schema);
                continue;
            }
            Object id = entity.get("id");
            if (!(entity.get("properties") instanceof Map<?, ?> props) || !(id instanceof String)) {
                report.malformed(input.name(), line, "entity lacks id or properties");
                continue;
            }
            ListEntry.Builder b =
                    ListEntry.builder(report.source(), (String) id).kind(kind);
            strings(props, "name").forEach(n -> b.name(ListedName.strong(n)));
            strings(props, "alias").forEach(n -> b.name(ListedName.strong(n)));
            strings(props, "previousName").forEach(n -> b.name(ListedName.former(n)));
            strings(props, "weakAlias").forEach(n -> b.name(ListedName.weak(n)));
            if (!b.hasNames()) {
                report.malformed(input.name(), line, schema + " " + id + " has no name");
                continue;
            }
            for (String key : List.of("country", "nationality", "citizenship", "jurisdiction")) {
                strings(props, key).forEach(c -> b.country(CountryCodes.resolve(c)));
            }
            for (String key : List.of("birthDate", "incorporationDate")) {
                for (String d : strings(props, key)) {
                    try {
                        b.birthDate(PartialDate.parse(d.length() > 10 ? d.substring(0, 10) : d));
                    } catch (IllegalArgumentException e) {
                        report.malformed(input.name(), line, id + ": " + key + " " + e.getMessage());
                    }
                }
            }
            for (Object key : props.keySet()) {
                if (ID_PROPERTIES.contains(key)) {
                    strings(props, (String) key).forEach(v -> b.identifier(new Identifier((String) key, v, null)));
                }
            }
            strings(props, "programId").forEach(b::programme);
            strings(props, "topics").forEach(t -> b.programme("topic:" + t));
            if (entity.get("last_change") instanceof String changed && changed.length() >= 10) {
                try {
                    report.publishedOnAtLeast(ListDates.parseDay(changed.substring(0, 10)));
                } catch (IllegalArgumentException e) {
                    report.note("unreadable last_change '" + changed + "'");
                }
            }
            sink.accept(b.build());
        }
    }

    private static List<String> strings(Map<?, ?> props, String key) {
        if (props.get(key) instanceof List<?> values) {
            return values.stream()
                    .filter(String.class::isInstance)
                    .map(v -> ((String) v).strip())
                    .filter(v -> !v.isEmpty())
                    .toList();
        }
        return List.of();
    }
}
