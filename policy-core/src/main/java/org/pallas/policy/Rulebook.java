package org.pallas.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelException;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
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
 * The rulebook: a manifest ({@code rulebook.yaml}: version, route thresholds, rule files) and YAML rule files whose
 * conditions are CEL expressions. Loading validates every rule — unknown keys, unknown or unused facts, CEL errors,
 * non-boolean conditions, rule IDs missing from regulation.md, malformed templates — and reports all problems with
 * file and line. The content hash is the SHA-256 of the manifest, the rule files and the shipped reference data, so
 * that an assessment names exactly what produced it.
 */
public final class Rulebook {

    static final String RESOURCE_DIR = "rulebook/";
    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9.]*)}");
    private static final Set<String> RULE_KEYS = Set.of(
            "id",
            "title",
            "implements",
            "scope",
            "reads",
            "when",
            "effect",
            "weight",
            "team",
            "condition",
            "explanation");
    private static final List<String> REFERENCE_DATA = List.of(
            "countries.csv",
            "code-aliases.csv",
            "us-country-groups.csv",
            "embargoes.csv",
            "commitments.csv",
            "misuse-cases.yaml",
            "regulation-rules.csv");

    /**
     * The CEL environment, built once per JVM: it depends only on the fact catalogue. One compiler per scope declares
     * every fact of that scope; each rule's use of facts is then checked against its 'reads' from the checked AST's
     * references (a compiler per rule made loading take seconds). The planner runtime plans each program once and, with
     * a lazy variable resolver, evaluates about ten times faster than the default runtime with a map.
     */
    private static final class Cel {
        static final CelRuntime RUNTIME =
                CelRuntimeFactory.plannerRuntimeBuilder().build();
        static final Map<FactCatalogue.Scope, CelCompiler> COMPILERS = compilers();

        private static Map<FactCatalogue.Scope, CelCompiler> compilers() {
            Map<FactCatalogue.Scope, CelCompiler> compilers = new EnumMap<>(FactCatalogue.Scope.class);
            for (FactCatalogue.Scope scope : FactCatalogue.Scope.values()) {
                CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                        .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
                FactCatalogue.available(scope).values().forEach(f -> builder.addVar(f.name(), f.type().celType));
                compilers.put(scope, builder.build());
            }
            return compilers;
        }
    }

    /** Score thresholds at which the route becomes at least STANDARD, ENHANCED_REVIEW or PRESUMPTION_OF_DENIAL. */
    public record Thresholds(int standard, int enhancedReview, int presumptionOfDenial) {}

    record CompiledRule(Rule rule, CelRuntime.Program program) {
        boolean fires(Map<String, Object> facts) {
            try {
                // A resolver reads the facts map in place; eval(Map) copies the map on every call.
                return Boolean.TRUE.equals(program.eval(name -> Optional.ofNullable(facts.get(name))));
            } catch (CelEvaluationException e) {
                throw new IllegalStateException(
                        "rule " + rule.id() + " (" + rule.source() + ") failed: " + e.getMessage(), e);
            }
        }
    }

    private final String version;
    private final String contentHash;
    private final Thresholds thresholds;
    private final List<CompiledRule> rules;
    private final RegulationIndex regulation;
    private final Map<String, String> fileHashes;

    private Rulebook(
            String version,
            String contentHash,
            Map<String, String> fileHashes,
            Thresholds thresholds,
            List<CompiledRule> rules,
            RegulationIndex regulation) {
        this.version = version;
        this.contentHash = contentHash;
        this.fileHashes = Collections.unmodifiableMap(fileHashes);
        this.thresholds = thresholds;
        this.rules = List.copyOf(rules);
        this.regulation = regulation;
    }

    /** The rulebook shipped in this module's resources. */
    public static Rulebook shipped() {
        return load(name -> resource(RESOURCE_DIR + name), RegulationIndex.shipped());
    }

    /** A rulebook from a directory holding {@code rulebook.yaml} and the files it lists. */
    public static Rulebook load(Path directory) {
        return load(
                name -> {
                    try {
                        return Files.readAllBytes(directory.resolve(name));
                    } catch (NoSuchFileException e) {
                        throw new RulebookException(List.of(name + ": file not found in " + directory));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                RegulationIndex.shipped());
    }

    interface Source {
        byte[] read(String name);
    }

    static Rulebook load(Source source, RegulationIndex regulation) {
        List<String> problems = new ArrayList<>();
        MessageDigest digest = sha256();
        Map<String, String> fileHashes = new LinkedHashMap<>();
        byte[] manifestBytes = source.read("rulebook.yaml");
        digest(digest, fileHashes, "rulebook.yaml", manifestBytes);
        Node manifest = compose("rulebook.yaml", manifestBytes);
        Map<String, Node> top = mapping("rulebook.yaml", manifest, Set.of("version", "thresholds", "files"));
        String version = scalar("rulebook.yaml", top, "version");
        Map<String, Node> t = mapping(
                "rulebook.yaml",
                required("rulebook.yaml", top, "thresholds"),
                Set.of("standard", "enhancedReview", "presumptionOfDenial"));
        Thresholds thresholds = new Thresholds(
                integer("rulebook.yaml", t, "standard"),
                integer("rulebook.yaml", t, "enhancedReview"),
                integer("rulebook.yaml", t, "presumptionOfDenial"));
        if (!(thresholds.standard() < thresholds.enhancedReview()
                && thresholds.enhancedReview() < thresholds.presumptionOfDenial())) {
            problems.add("rulebook.yaml: thresholds must increase: standard < enhancedReview < presumptionOfDenial");
        }
        List<CompiledRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node fileNode : sequence("rulebook.yaml", required("rulebook.yaml", top, "files"))) {
            String file = scalarValue("rulebook.yaml", fileNode);
            byte[] bytes = source.read(file);
            digest(digest, fileHashes, file, bytes);
            Node document = compose(file, bytes);
            Map<String, Node> root = mapping(file, document, Set.of("rules"));
            for (Node ruleNode : sequence(file, required(file, root, "rules"))) {
                try {
                    CompiledRule rule = compile(file, ruleNode, regulation, problems);
                    if (rule != null && !ids.add(rule.rule().id())) {
                        problems.add(rule.rule().source() + ": duplicate rule id "
                                + rule.rule().id());
                    } else if (rule != null) {
                        rules.add(rule);
                    }
                } catch (RulebookException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RulebookException(problems);
        }
        for (String data : REFERENCE_DATA) {
            digest(digest, fileHashes, data, resource(data));
        }
        return new Rulebook(
                version, HexFormat.of().formatHex(digest.digest()), fileHashes, thresholds, rules, regulation);
    }

    private static CompiledRule compile(String file, Node node, RegulationIndex regulation, List<String> problems) {
        Map<String, Node> map = mapping(file, node, RULE_KEYS);
        String where = file + ":" + line(node);
        String id = scalar(file, map, "id");
        String at = where + ": rule " + id;
        int before = problems.size();
        if (!RULE_ID.matcher(id).matches()) {
            problems.add(at + ": id must be upper-case words joined by '-'");
        }
        if (regulation.find(id).isPresent()) {
            problems.add(at + ": id collides with a regulation rule ID; rulebook IDs must be distinct");
        }
        String title = scalar(file, map, "title");
        List<Citation> cites = new ArrayList<>();
        for (Node n : sequence(file, required(file, map, "implements"))) {
            String ref = scalarValue(file, n);
            regulation
                    .find(ref)
                    .ifPresentOrElse(
                            r -> cites.add(Citation.of(r)),
                            () -> problems.add(file + ":" + line(n) + ": rule " + id + " implements unknown rule ID '"
                                    + ref + "' (not in regulation.md)"));
        }
        if (cites.isEmpty() && problems.size() == before) {
            problems.add(at + ": implements must name at least one regulation rule ID");
        }
        FactCatalogue.Scope scope = enumValue(file, map, "scope", FactCatalogue.Scope.class, at, problems);
        Effect effect = enumValue(file, map, "effect", Effect.class, at, problems);
        Map<String, FactCatalogue.Definition> available = scope == null ? Map.of() : FactCatalogue.available(scope);
        List<String> reads = new ArrayList<>();
        for (Node n : sequence(file, required(file, map, "reads"))) {
            String fact = scalarValue(file, n);
            if (!available.containsKey(fact)) {
                problems.add(file + ":" + line(n) + ": rule " + id + " reads unknown fact '" + fact + "'"
                        + (scope == null
                                ? ""
                                : " (not available in scope " + scope.name().toLowerCase(Locale.ROOT) + ")"));
            } else if (reads.contains(fact)) {
                problems.add(file + ":" + line(n) + ": rule " + id + " lists fact '" + fact + "' twice");
            } else {
                reads.add(fact);
            }
        }
        String when = scalar(file, map, "when");
        String explanation = scalar(file, map, "explanation");
        Matcher placeholder = PLACEHOLDER.matcher(explanation);
        while (placeholder.find()) {
            if (!reads.contains(placeholder.group(1))) {
                problems.add(line(file, map, "explanation") + ": rule " + id + " explanation uses {"
                        + placeholder.group(1) + "}, which the rule does not read");
            }
        }
        for (String fact : reads) {
            if (!mentions(when, fact) && !explanation.contains("{" + fact + "}")) {
                problems.add(at + ": rule reads '" + fact + "' but neither its condition nor its explanation uses it");
            }
        }
        int weight = 0;
        AdviserTeam team = null;
        LicenceCondition condition = null;
        if (effect != null) {
            Set<String> expected = switch (effect) {
                case RED_FLAG -> Set.of("weight");
                case REFER -> Set.of("team");
                case CONDITION -> Set.of("condition");
                default -> Set.of();
            };
            for (String key : List.of("weight", "team", "condition")) {
                if (expected.contains(key) && !map.containsKey(key)) {
                    problems.add(at + ": effect " + effect + " needs '" + key + "'");
                } else if (!expected.contains(key) && map.containsKey(key)) {
                    problems.add(line(file, map, key) + ": rule " + id + ": '" + key + "' does not apply to effect "
                            + effect);
                }
            }
            if (effect == Effect.RED_FLAG && map.containsKey("weight")) {
                weight = integer(file, map, "weight");
                if (weight < 1 || weight > 100) {
                    problems.add(line(file, map, "weight") + ": rule " + id + ": weight must be 1-100, was " + weight);
                }
            }
            if (effect == Effect.REFER && map.containsKey("team")) {
                team = enumValue(file, map, "team", AdviserTeam.class, at, problems);
            }
            if (effect == Effect.CONDITION && map.containsKey("condition")) {
                condition = enumValue(file, map, "condition", LicenceCondition.class, at, problems);
            }
        }
        CelRuntime.Program program = null;
        if (problems.size() == before) {
            try {
                CelAbstractSyntaxTree ast =
                        Cel.COMPILERS.get(scope).compile(when).getAst();
                List<String> undeclared = ast.getReferenceMap().values().stream()
                        .map(CelReference::name)
                        .filter(name -> available.containsKey(name) && !reads.contains(name))
                        .distinct()
                        .sorted()
                        .toList();
                if (!undeclared.isEmpty()) {
                    problems.add(line(file, map, "when") + ": rule " + id
                            + ": condition uses facts missing from 'reads': " + String.join(", ", undeclared));
                } else if (!ast.getResultType().equals(SimpleType.BOOL)) {
                    problems.add(line(file, map, "when") + ": rule " + id + ": condition must be boolean, is "
                            + ast.getResultType().name());
                } else {
                    program = Cel.RUNTIME.createProgram(ast);
                }
            } catch (CelException e) {
                problems.add(line(file, map, "when") + ": rule " + id + ": CEL error: " + e.getMessage());
            }
        }
        if (problems.size() != before) {
            return null;
        }
        return new CompiledRule(
                new Rule(id, title, cites, scope, reads, when, effect, weight, team, condition, explanation, where),
                program);
    }

    /** True when the condition names the fact as a whole identifier, not as a prefix of a longer one. */
    private static boolean mentions(String when, String fact) {
        return Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(fact) + "(?![A-Za-z0-9_])")
                .matcher(when)
                .find();
    }

    public String version() {
        return version;
    }

    /** SHA-256 (hex) of the manifest, rule files and reference data. */
    public String contentHash() {
        return contentHash;
    }

    /**
     * SHA-256 (hex) of each file that goes into {@link #contentHash()}, in hashing order: what a reviewed rule change
     * records on the ledger so that the changed files can be named.
     */
    public Map<String, String> fileHashes() {
        return fileHashes;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public List<Rule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    List<CompiledRule> compiled() {
        return rules;
    }

    RegulationIndex regulation() {
        return regulation;
    }

    // --- YAML helpers: SnakeYAML's node tree keeps line numbers for error messages. ---

    private static Node compose(String file, byte[] bytes) {
        try {
            Node node =
                    new Yaml(new LoaderOptions()).compose(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            if (node == null) {
                throw new RulebookException(List.of(file + ": empty document"));
            }
            return node;
        } catch (YAMLException e) {
            throw new RulebookException(List.of(file + ": not valid YAML: " + e.getMessage()));
        }
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static String line(String file, Map<String, Node> map, String key) {
        return file + ":" + line(map.get(key));
    }

    private static Map<String, Node> mapping(String file, Node node, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw new RulebookException(List.of(file + ":" + line(node) + ": expected a mapping"));
        }
        Map<String, Node> map = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalarValue(file, tuple.getKeyNode());
            if (!allowed.contains(key)) {
                problems.add(file + ":" + line(tuple.getKeyNode()) + ": unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            } else if (map.put(key, tuple.getValueNode()) != null) {
                problems.add(file + ":" + line(tuple.getKeyNode()) + ": key '" + key + "' given twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new RulebookException(problems);
        }
        return map;
    }

    private static Node required(String file, Map<String, Node> map, String key) {
        Node node = map.get(key);
        if (node == null) {
            String at = map.values().stream()
                    .findFirst()
                    .map(n -> file + ":" + line(n))
                    .orElse(file);
            throw new RulebookException(List.of(at + ": missing key '" + key + "'"));
        }
        return node;
    }

    private static List<Node> sequence(String file, Node node) {
        if (!(node instanceof SequenceNode sequence)) {
            throw new RulebookException(List.of(file + ":" + line(node) + ": expected a list"));
        }
        return sequence.getValue();
    }

    private static String scalar(String file, Map<String, Node> map, String key) {
        return scalarValue(file, required(file, map, key));
    }

    private static String scalarValue(String file, Node node) {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw new RulebookException(List.of(file + ":" + line(node) + ": expected a non-empty value"));
        }
        return scalar.getValue().strip();
    }

    private static int integer(String file, Map<String, Node> map, String key) {
        String value = scalar(file, map, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RulebookException(
                    List.of(line(file, map, key) + ": '" + key + "' must be an integer, was '" + value + "'"));
        }
    }

    private static <E extends Enum<E>> E enumValue(
            String file, Map<String, Node> map, String key, Class<E> type, String at, List<String> problems) {
        String value = scalar(file, map, key);
        for (E constant : EnumSet.allOf(type)) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        problems.add(line(file, map, key) + ": " + at.substring(at.indexOf("rule ")) + ": unknown " + key + " '" + value
                + "' (allowed: " + EnumSet.allOf(type) + ")");
        return null;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Rulebook.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new RulebookException(List.of(name + ": missing resource"));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(MessageDigest digest, Map<String, String> fileHashes, String name, byte[] bytes) {
        // Name and length delimit each part, so moving bytes between files changes the hash.
        digest.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        fileHashes.put(name, HexFormat.of().formatHex(sha256().digest(bytes)));
    }
}
