package org.pallas.server.misuse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pallas.server.platform.InvalidInputException.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * Reads a STIX 2.1 bundle (OASIS STIX 2.1, sections 3 and 9): checks what the specification requires of it and
 * of each object (identifiers {@code type--UUID} of the object's own type, known or custom {@code x-} types,
 * {@code spec_version} 2.1 on domain and relationship objects, RFC 3339 UTC timestamps, references that are
 * identifiers, the required properties of indicators, malware and relationships, and indicator patterns in the
 * STIX patterning language), and collects the indicators the patterns name. Every problem names its field by
 * JSON path below {@code field}, e.g. {@code evidence[0].objects[3].pattern}.
 */
final class StixBundles {

    static final int MAX_OBJECTS = 20_000;

    /** The indicators and malware names of a valid bundle. */
    record Bundle(List<Indicator> indicators, Set<String> malware, int objects) {}

    static final Set<String> DOMAIN_OBJECTS = Set.of(
            "attack-pattern",
            "campaign",
            "course-of-action",
            "grouping",
            "identity",
            "incident",
            "indicator",
            "infrastructure",
            "intrusion-set",
            "location",
            "malware",
            "malware-analysis",
            "note",
            "observed-data",
            "opinion",
            "report",
            "threat-actor",
            "tool",
            "vulnerability");
    static final Set<String> RELATIONSHIP_OBJECTS = Set.of("relationship", "sighting");
    static final Set<String> CYBER_OBSERVABLES = Set.of(
            "artifact",
            "autonomous-system",
            "directory",
            "domain-name",
            "email-addr",
            "email-message",
            "file",
            "ipv4-addr",
            "ipv6-addr",
            "mac-addr",
            "mutex",
            "network-traffic",
            "process",
            "software",
            "url",
            "user-account",
            "windows-registry-key",
            "x509-certificate");
    static final Set<String> META_OBJECTS = Set.of("language-content", "marking-definition", "extension-definition");

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,248}[a-z0-9]");
    private static final Pattern ID = Pattern.compile(
            "([a-z0-9][a-z0-9-]{1,248}[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[89abAB][0-9a-fA-F]{3}"
                    + "-[0-9a-fA-F]{12}");
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final List<String> TIMESTAMPS = List.of(
            "created",
            "modified",
            "valid_from",
            "valid_until",
            "first_seen",
            "last_seen",
            "first_observed",
            "last_observed",
            "published",
            "start_time",
            "stop_time");

    private StixBundles() {}

    /** Whether a JSON document says it is a bundle (the other JSON evidence is refused as an unknown kind). */
    static boolean claims(JsonNode node) {
        return node != null
                && node.isObject()
                && "bundle".equals(node.path("type").asString(""));
    }

    /** The bundle's indicators, or the problems that make it invalid (then {@code bundle} is null). */
    record Reading(Bundle bundle, List<FieldProblem> problems) {}

    static Reading read(JsonNode root, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!claims(root)) {
            problems.add(new FieldProblem(field + ".type", "A STIX 2.1 bundle has \"type\": \"bundle\""));
            return new Reading(null, problems);
        }
        checkId(root.path("id"), "bundle", field + ".id", problems);
        JsonNode objects = root.path("objects");
        if (!objects.isArray()) {
            problems.add(new FieldProblem(field + ".objects", "A bundle lists its STIX objects in \"objects\""));
            return new Reading(null, problems);
        }
        if (objects.size() > MAX_OBJECTS) {
            problems.add(new FieldProblem(field + ".objects", "At most " + MAX_OBJECTS + " objects in one bundle"));
            return new Reading(null, problems);
        }
        Set<Indicator> indicators = new LinkedHashSet<>();
        Set<String> malware = new LinkedHashSet<>();
        for (int i = 0; i < objects.size() && problems.size() < 20; i++) {
            object(objects.get(i), field + ".objects[" + i + "]", indicators, malware, problems);
        }
        return problems.isEmpty()
                ? new Reading(new Bundle(List.copyOf(indicators), malware, objects.size()), List.of())
                : new Reading(null, problems);
    }

    private static void object(
            JsonNode o, String at, Set<Indicator> indicators, Set<String> malware, List<FieldProblem> problems) {
        if (!o.isObject()) {
            problems.add(new FieldProblem(at, "Each STIX object is a JSON object"));
            return;
        }
        String type = o.path("type").asString("");
        if (!TYPE.matcher(type).matches()) {
            problems.add(new FieldProblem(at + ".type", "Give the object's STIX type, e.g. \"indicator\""));
            return;
        }
        boolean custom = type.startsWith("x-");
        boolean sdoOrSro = DOMAIN_OBJECTS.contains(type) || RELATIONSHIP_OBJECTS.contains(type);
        if (!custom && !sdoOrSro && !CYBER_OBSERVABLES.contains(type) && !META_OBJECTS.contains(type)) {
            problems.add(new FieldProblem(
                    at + ".type", "'" + type + "' is no STIX 2.1 object type (custom types start with x-)"));
            return;
        }
        checkId(o.path("id"), type, at + ".id", problems);
        if (sdoOrSro) {
            if (!"2.1".equals(o.path("spec_version").asString(""))) {
                problems.add(new FieldProblem(at + ".spec_version", "STIX 2.1 objects have \"spec_version\": \"2.1\""));
            }
            for (String required : List.of("created", "modified")) {
                if (o.path(required).isMissingNode()) {
                    problems.add(new FieldProblem(at + "." + required, "Required: an RFC 3339 UTC timestamp"));
                }
            }
        }
        for (String name : TIMESTAMPS) {
            JsonNode value = o.get(name);
            if (value != null && !timestamp(value)) {
                problems.add(new FieldProblem(
                        at + "." + name, "Not an RFC 3339 UTC timestamp such as 2021-07-18T12:00:00.000Z"));
            }
        }
        for (Map.Entry<String, JsonNode> p : o.properties()) {
            if (p.getKey().endsWith("_ref")) {
                checkId(p.getValue(), null, at + "." + p.getKey(), problems);
            } else if (p.getKey().endsWith("_refs")) {
                if (!p.getValue().isArray()) {
                    problems.add(new FieldProblem(at + "." + p.getKey(), "A list of STIX identifiers"));
                } else {
                    for (int j = 0; j < p.getValue().size(); j++) {
                        checkId(p.getValue().get(j), null, at + "." + p.getKey() + "[" + j + "]", problems);
                    }
                }
            }
        }
        switch (type) {
            case "indicator" -> indicator(o, at, indicators, problems);
            case "malware" -> {
                if (!o.path("is_family").isBoolean()) {
                    problems.add(new FieldProblem(at + ".is_family", "Required: true or false"));
                }
                String name = o.path("name").asString("").strip();
                if (o.path("is_family").asBoolean(false) && name.isEmpty()) {
                    problems.add(new FieldProblem(at + ".name", "A malware family has a name"));
                }
                if (!name.isEmpty()) {
                    malware.add(name.length() > 200 ? name.substring(0, 200) : name);
                }
            }
            case "relationship" -> {
                if (o.path("relationship_type").asString("").isBlank()) {
                    problems.add(new FieldProblem(at + ".relationship_type", "Required, e.g. \"indicates\""));
                }
                for (String ref : List.of("source_ref", "target_ref")) {
                    if (o.path(ref).isMissingNode()) {
                        problems.add(new FieldProblem(at + "." + ref, "Required: a STIX identifier"));
                    }
                }
            }
            case "sighting" -> {
                if (o.path("sighting_of_ref").isMissingNode()) {
                    problems.add(new FieldProblem(at + ".sighting_of_ref", "Required: a STIX identifier"));
                }
            }
            default -> {
                // other objects: the common properties checked above
            }
        }
    }

    private static void indicator(JsonNode o, String at, Set<Indicator> indicators, List<FieldProblem> problems) {
        String patternType = o.path("pattern_type").asString("");
        if (patternType.isBlank()) {
            problems.add(new FieldProblem(at + ".pattern_type", "Required, e.g. \"stix\""));
        }
        if (o.path("valid_from").isMissingNode()) {
            problems.add(new FieldProblem(at + ".valid_from", "Required: an RFC 3339 UTC timestamp"));
        }
        JsonNode pattern = o.path("pattern");
        if (!pattern.isString() || pattern.asString().isBlank()) {
            problems.add(new FieldProblem(at + ".pattern", "Required: the indicator's pattern"));
            return;
        }
        if (!patternType.equals("stix")) {
            return; // sigma, snort, yara …: kept as evidence, not read
        }
        try {
            for (StixPatterns.Comparison c : StixPatterns.parse(pattern.asString())) {
                if (c.equality()) {
                    Indicator.of(c.objectType(), c.property(), c.value()).ifPresent(indicators::add);
                }
            }
        } catch (StixPatterns.PatternException e) {
            problems.add(new FieldProblem(at + ".pattern", "Not a STIX 2.1 pattern: " + e.getMessage()));
        }
    }

    private static void checkId(JsonNode id, String type, String field, List<FieldProblem> problems) {
        var m = ID.matcher(id.isString() ? id.asString() : "");
        if (!m.matches()) {
            problems.add(new FieldProblem(
                    field,
                    "A STIX identifier is <type>--<UUID>, e.g. indicator--05b7c427-1452-437e-a19e-32590edf60c3"));
        } else if (type != null && !m.group(1).equals(type)) {
            problems.add(new FieldProblem(
                    field, "The identifier's type '" + m.group(1) + "' is not the object's type '" + type + "'"));
        }
    }

    private static boolean timestamp(JsonNode value) {
        if (!value.isString() || !TIMESTAMP.matcher(value.asString()).matches()) {
            return false;
        }
        try {
            Instant.parse(value.asString());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
