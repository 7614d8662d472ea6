package org.pallas.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule IDs of {@code docs/reference/regulation.md}, shipped as {@code regulation-rules.csv} so that the
 * rulebook loader can reject a rule that implements an unknown ID. {@link #parse(String)} derives the table from the
 * Markdown; a test keeps the shipped file equal to the derivation.
 */
public final class RegulationIndex {

    private static final Pattern BULLET = Pattern.compile(
            "^\\s*- \\*\\*([A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)+)(?: \\([^)]*\\))?\\*\\* \\[([PSR]+(?:/[PSR]+)*)\\]");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| ((?:US-EL|CASE)-[A-Z0-9-]+) \\|");
    private static final Pattern DERIVED = Pattern.compile("\\*\\*(?:PMP-IND-)?D([1-7])\\*\\*");
    private static final Pattern SECTION = Pattern.compile("^#{2,3} (\\d+(?:\\.\\d+)?)\\b");

    private final Map<String, RegulationRule> rules;

    private RegulationIndex(Map<String, RegulationRule> rules) {
        this.rules = Collections.unmodifiableMap(rules);
    }

    /**
     * Writes the shipped table: {@code java -cp policy-core/target/classes org.pallas.policy.RegulationIndex
     * docs/reference/regulation.md policy-core/src/main/resources/org/pallas/policy/regulation-rules.csv}.
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 2) {
            System.err.println("usage: RegulationIndex <regulation.md> <output regulation-rules.csv>");
            System.exit(2);
        }
        String markdown = java.nio.file.Files.readString(java.nio.file.Path.of(args[0]));
        java.nio.file.Files.writeString(
                java.nio.file.Path.of(args[1]), parse(markdown).toCsv());
    }

    /** The index shipped with the product. */
    public static RegulationIndex shipped() {
        Map<String, RegulationRule> rules = new LinkedHashMap<>();
        for (Csv.Row row : Csv.resource("regulation-rules.csv")) {
            rules.put(row.get("id"), new RegulationRule(row.get("id"), row.get("tag"), row.get("section")));
        }
        return new RegulationIndex(rules);
    }

    /** Derives the index from the text of regulation.md. */
    public static RegulationIndex parse(String markdown) {
        Map<String, RegulationRule> rules = new LinkedHashMap<>();
        String section = "0";
        for (String line : markdown.split("\n", -1)) {
            Matcher heading = SECTION.matcher(line);
            if (heading.find()) {
                section = heading.group(1);
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.find()) {
                rules.putIfAbsent(bullet.group(1), new RegulationRule(bullet.group(1), bullet.group(2), section));
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (row.find()) {
                // Table rows carry their tags inline; a row with any recollection marker is treated as partly [R].
                String tag = line.contains("[P]") && row.group(1).startsWith("US-EL") ? "P" : "S";
                if (line.matches(".*\\[(R|S/R)[^]]*].*")) {
                    tag = tag + "/R";
                }
                rules.putIfAbsent(row.group(1), new RegulationRule(row.group(1), tag, section));
            }
            Matcher derived = DERIVED.matcher(line);
            while (derived.find()) {
                String id = "PMP-IND-D" + derived.group(1);
                rules.putIfAbsent(id, new RegulationRule(id, "D", section));
            }
        }
        return new RegulationIndex(rules);
    }

    public Optional<RegulationRule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public List<RegulationRule> rules() {
        return new ArrayList<>(rules.values());
    }

    /** The shipped CSV form. */
    public String toCsv() {
        StringBuilder out = new StringBuilder("id,tag,section\n");
        for (RegulationRule rule : rules.values()) {
            out.append(rule.id())
                    .append(',')
                    .append(rule.tag())
                    .append(',')
                    .append(rule.section())
                    .append('\n');
        }
        return out.toString();
    }
}
