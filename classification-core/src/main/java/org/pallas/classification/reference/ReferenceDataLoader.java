package org.pallas.classification.reference;

import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the control-list YAML into {@link ReferenceData}. Works on the YAML node tree (not on
 * maps of objects) so that every problem carries its line number, and collects all problems
 * before failing: a reviewer fixing the file sees the whole list at once.
 */
public final class ReferenceDataLoader {

    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Za-z0-9.:]+)+");

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private ReferenceDataLoader(String source) {
        this.source = source;
    }

    /**
     * Parses and validates the data. {@code source} names the file in error messages.
     *
     * @throws ReferenceDataException listing every problem found, with line numbers
     */
    public static ReferenceData load(byte[] yaml, String source) {
        return new ReferenceDataLoader(source).read(yaml);
    }

    private ReferenceData read(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ReferenceDataException(source, List.of("not valid UTF-8"));
        }
        Node root;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new ReferenceDataException(source, List.of("YAML syntax: " + e.getMessage()));
        }
        if (!(root instanceof MappingNode top)) {
            throw new ReferenceDataException(source, List.of("line 1: expected a mapping at the top level"));
        }
        var doc = fields(top, "");
        String version = string(doc, top, "version", "");
        LocalDate published = date(doc, top, "published", "");
        Map<String, RuleRef> rules = rules(doc, top);
        Map<Regime, RegimeText> regimes = regimes(doc, top, rules);
        Map<String, ControlEntry> entries = entries(doc, top, rules);
        Map<String, ReferenceNote> notes = notes(doc, top, rules, entries);
        if (!problems.isEmpty()) {
            throw new ReferenceDataException(source, problems);
        }
        return new ReferenceData(version, published, sha256(bytes), regimes, rules, entries, notes);
    }

    private Map<String, RuleRef> rules(Map<String, Node> doc, MappingNode top) {
        var rules = new LinkedHashMap<String, RuleRef>();
        mapping(doc, top, "rules").ifPresent(node -> {
            for (NodeTuple tuple : node.getValue()) {
                String id = scalarText(tuple.getKeyNode());
                String tag = scalarText(tuple.getValueNode());
                if (!RULE_ID.matcher(id).matches()) {
                    problem(tuple.getKeyNode(), "rules: '" + id + "' is not a rule ID like WA-4D004");
                } else if (tag == null || !RuleRef.TAGS.contains(tag)) {
                    problem(
                            tuple.getValueNode(),
                            "rules." + id + ": confidence tag must be one of "
                                    + RuleRef.TAGS.stream().sorted().toList() + ", got '" + tag + "'");
                } else {
                    rules.put(id, new RuleRef(id, tag));
                }
            }
        });
        return rules;
    }

    private Map<Regime, RegimeText> regimes(Map<String, Node> doc, MappingNode top, Map<String, RuleRef> rules) {
        var regimes = new EnumMap<Regime, RegimeText>(Regime.class);
        mapping(doc, top, "regimes").ifPresent(node -> {
            for (NodeTuple tuple : node.getValue()) {
                String key = scalarText(tuple.getKeyNode());
                Optional<Regime> regime = regime(key, tuple.getKeyNode(), "regimes");
                if (regime.isEmpty() || !(tuple.getValueNode() instanceof MappingNode body)) {
                    if (regime.isPresent()) {
                        problem(tuple.getValueNode(), "regimes." + key + ": expected a mapping");
                    }
                    continue;
                }
                String path = "regimes." + key;
                var f = fields(body, path);
                regimes.put(
                        regime.get(),
                        new RegimeText(
                                regime.get(),
                                string(f, body, "name", path),
                                date(f, body, "text_as_of", path),
                                string(f, body, "basis", path),
                                ruleIds(f, body, "rules", path, rules)));
            }
            for (Regime regime : Regime.values()) {
                if (!regimes.containsKey(regime)) {
                    problem(node, "regimes: no entry for " + regime);
                }
            }
        });
        return regimes;
    }

    private Map<String, ControlEntry> entries(Map<String, Node> doc, MappingNode top, Map<String, RuleRef> rules) {
        var entries = new LinkedHashMap<String, ControlEntry>();
        sequence(doc, top, "entries").ifPresent(list -> {
            int index = 0;
            for (Node item : list.getValue()) {
                String path = "entries[" + index++ + "]";
                if (!(item instanceof MappingNode body)) {
                    problem(item, path + ": expected a mapping");
                    continue;
                }
                var f = fields(body, path);
                String code = string(f, body, "code", path);
                if (code != null) {
                    path = path + " (" + code + ")";
                }
                List<Regime> regimes = regimeList(f, body, path);
                String title = string(f, body, "title", path);
                String summary = string(f, body, "summary", path);
                String legal = string(f, body, "legal_text", path);
                Map<Regime, String> citations = citations(f, body, path, regimes);
                String url = url(f, body, path);
                List<String> ruleIds = ruleIds(f, body, "rules", path, rules);
                LocalDate from = date(f, body, "effective_from", path);
                Optional<UsControl> us = usControl(f, body, path, rules, regimes.contains(Regime.US));
                if (code == null) {
                    continue;
                }
                if (entries.containsKey(code)) {
                    problem(body, path + ": duplicate entry code " + code);
                    continue;
                }
                entries.put(
                        code,
                        new ControlEntry(
                                code,
                                Set.copyOf(regimes),
                                title,
                                summary,
                                legal,
                                citations,
                                url,
                                ruleIds,
                                unverified(ruleIds, rules),
                                from,
                                us));
            }
        });
        return entries;
    }

    private Optional<UsControl> usControl(
            Map<String, Node> f, MappingNode parent, String path, Map<String, RuleRef> rules, boolean usRegime) {
        Node node = f.get("us");
        if (node == null) {
            if (usRegime) {
                problem(parent, path + ": lists regime US but has no 'us' block (reasons for control, ace)");
            }
            return Optional.empty();
        }
        String p = path + ".us";
        if (!(node instanceof MappingNode body)) {
            problem(node, p + ": expected a mapping");
            return Optional.empty();
        }
        var u = fields(body, p);
        List<String> reasons = strings(u, body, "reasons", p, true);
        String ace = string(u, body, "ace", p);
        AceApplicability applicability = null;
        if (ace != null) {
            try {
                applicability = AceApplicability.valueOf(ace.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(u.get("ace"), p + ".ace: expected yes, only_for_5a001j or no, got '" + ace + "'");
            }
        }
        boolean reasonsUnverified = "true".equals(optionalText(u, "reasons_unverified"));
        return Optional.of(new UsControl(
                reasons,
                reasonsUnverified,
                applicability,
                strings(u, body, "sl_subparagraphs", p, false),
                strings(u, body, "sl_when_for", p, false),
                ruleIds(u, body, "rules", p, rules)));
    }

    private Map<String, ReferenceNote> notes(
            Map<String, Node> doc, MappingNode top, Map<String, RuleRef> rules, Map<String, ControlEntry> entries) {
        var notes = new LinkedHashMap<String, ReferenceNote>();
        sequence(doc, top, "notes").ifPresent(list -> {
            int index = 0;
            for (Node item : list.getValue()) {
                String path = "notes[" + index++ + "]";
                if (!(item instanceof MappingNode body)) {
                    problem(item, path + ": expected a mapping");
                    continue;
                }
                var f = fields(body, path);
                String id = string(f, body, "id", path);
                if (id != null) {
                    path = path + " (" + id + ")";
                }
                String typeText = string(f, body, "type", path);
                ReferenceNote.NoteType type = null;
                if (typeText != null) {
                    try {
                        type = ReferenceNote.NoteType.valueOf(
                                typeText.toUpperCase(Locale.ROOT).replace('-', '_'));
                    } catch (IllegalArgumentException e) {
                        problem(
                                f.get("type"),
                                path + ".type: expected definition, exclusion, decontrol or"
                                        + " licence-exception, got '" + typeText + "'");
                    }
                }
                String title = string(f, body, "title", path);
                String summary = string(f, body, "summary", path);
                String legal = string(f, body, "legal_text", path);
                String citation = string(f, body, "citation", path);
                String url = url(f, body, path);
                List<String> ruleIds = ruleIds(f, body, "rules", path, rules);
                List<String> appliesTo = strings(f, body, "applies_to", path, true);
                for (String code : appliesTo) {
                    if (!entries.containsKey(code)) {
                        problem(f.get("applies_to"), path + ".applies_to: unknown entry code " + code);
                    }
                }
                if (id == null) {
                    continue;
                }
                if (notes.containsKey(id)) {
                    problem(body, path + ": duplicate note id " + id);
                    continue;
                }
                notes.put(
                        id,
                        new ReferenceNote(
                                id,
                                type,
                                title,
                                summary,
                                legal,
                                citation,
                                url,
                                ruleIds,
                                unverified(ruleIds, rules),
                                appliesTo));
            }
        });
        return notes;
    }

    // --- node access; each helper records a problem with the line number and returns null/empty ---

    private Map<String, Node> fields(MappingNode node, String path) {
        var fields = new LinkedHashMap<String, Node>();
        for (NodeTuple tuple : node.getValue()) {
            String key = scalarText(tuple.getKeyNode());
            if (key == null) {
                problem(tuple.getKeyNode(), path + ": keys must be plain text");
            } else if (fields.put(key, tuple.getValueNode()) != null) {
                problem(tuple.getKeyNode(), path + ": duplicate key '" + key + "'");
            }
        }
        return fields;
    }

    private String string(Map<String, Node> fields, Node parent, String key, String path) {
        Node node = fields.get(key);
        String where = path.isEmpty() ? key : path + "." + key;
        if (node == null) {
            problem(parent, where + ": required field missing");
            return null;
        }
        String text = scalarText(node);
        if (text == null || text.isBlank()) {
            problem(node, where + ": expected non-empty text");
            return null;
        }
        return text.strip();
    }

    private static String optionalText(Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        return node == null ? null : scalarText(node);
    }

    private LocalDate date(Map<String, Node> fields, Node parent, String key, String path) {
        String text = string(fields, parent, key, path);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(
                    fields.get(key),
                    (path.isEmpty() ? key : path + "." + key) + ": expected a date like 2026-11-27, got '" + text
                            + "'");
            return null;
        }
    }

    private String url(Map<String, Node> fields, Node parent, String path) {
        String url = string(fields, parent, "source_url", path);
        if (url != null && !url.startsWith("https://")) {
            problem(fields.get("source_url"), path + ".source_url: expected an https:// address, got '" + url + "'");
        }
        return url;
    }

    private List<String> strings(Map<String, Node> fields, Node parent, String key, String path, boolean required) {
        Node node = fields.get(key);
        String where = path + "." + key;
        if (node == null) {
            if (required) {
                problem(parent, where + ": required list missing");
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, where + ": expected a list like [a, b]");
            return List.of();
        }
        var values = new ArrayList<String>();
        for (Node item : sequence.getValue()) {
            String text = scalarText(item);
            if (text == null || text.isBlank()) {
                problem(item, where + ": list items must be non-empty text");
            } else {
                values.add(text.strip());
            }
        }
        return List.copyOf(values);
    }

    private List<String> ruleIds(
            Map<String, Node> fields, Node parent, String key, String path, Map<String, RuleRef> rules) {
        List<String> ids = strings(fields, parent, key, path, true);
        if (fields.containsKey(key) && ids.isEmpty()) {
            problem(fields.get(key), path + "." + key + ": cite at least one rule ID");
        }
        for (String id : ids) {
            if (!rules.containsKey(id)) {
                problem(
                        fields.get(key),
                        path + "." + key + ": unknown rule ID " + id
                                + " (declare it under 'rules' with its regulation.md confidence tag)");
            }
        }
        return ids;
    }

    private List<Regime> regimeList(Map<String, Node> fields, Node parent, String path) {
        var regimes = new ArrayList<Regime>();
        for (String name : strings(fields, parent, "regimes", path, true)) {
            regime(name, fields.get("regimes"), path + ".regimes").ifPresent(r -> {
                if (regimes.contains(r)) {
                    problem(fields.get("regimes"), path + ".regimes: " + r + " listed twice");
                } else {
                    regimes.add(r);
                }
            });
        }
        if (fields.containsKey("regimes") && regimes.isEmpty()) {
            problem(fields.get("regimes"), path + ".regimes: name at least one of WA, EU, UK, US");
        }
        return regimes;
    }

    /** One citation per regime, separated by "; ", in the order the regimes are listed. */
    private Map<Regime, String> citations(Map<String, Node> fields, Node parent, String path, List<Regime> regimes) {
        String citation = string(fields, parent, "citation", path);
        var citations = new EnumMap<Regime, String>(Regime.class);
        if (citation == null) {
            return citations;
        }
        String[] parts = citation.split(";");
        if (parts.length != regimes.size()) {
            problem(
                    fields.get("citation"),
                    path + ".citation: give one citation per regime " + regimes + ", separated by '; ' (found "
                            + parts.length + ")");
            return citations;
        }
        for (int i = 0; i < parts.length; i++) {
            citations.put(regimes.get(i), parts[i].strip());
        }
        return citations;
    }

    private Optional<Regime> regime(String name, Node node, String path) {
        try {
            return Optional.of(Regime.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            problem(node, path + ": unknown regime '" + name + "'; expected WA, EU, UK or US");
            return Optional.empty();
        }
    }

    private Optional<MappingNode> mapping(Map<String, Node> doc, Node parent, String key) {
        return section(doc, parent, key, MappingNode.class, "a mapping");
    }

    private Optional<SequenceNode> sequence(Map<String, Node> doc, Node parent, String key) {
        return section(doc, parent, key, SequenceNode.class, "a list");
    }

    private <T extends Node> Optional<T> section(
            Map<String, Node> doc, Node parent, String key, Class<T> type, String expected) {
        Node node = doc.get(key);
        if (node == null) {
            problem(parent, key + ": required section missing");
            return Optional.empty();
        }
        if (type.isInstance(node)) {
            return Optional.of(type.cast(node));
        }
        problem(node, key + ": expected " + expected);
        return Optional.empty();
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static boolean unverified(List<String> ruleIds, Map<String, RuleRef> rules) {
        return ruleIds.stream().map(rules::get).anyMatch(r -> r != null && r.unverified());
    }

    private void problem(Node node, String message) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        problems.add("line " + line + ": " + message);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
