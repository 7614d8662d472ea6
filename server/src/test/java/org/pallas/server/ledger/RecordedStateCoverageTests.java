package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.platform.RecordedState;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every subject type a {@code RecordedChange} is published for has a {@link RecordedState}, so the integrity
 * check covers its rows. The published types are read from the server's sources: every construction of a
 * record implementing {@code RecordedChange} must name its subject type as a string literal (the second
 * argument), so a module added later cannot publish a type the check does not know.
 */
@PallasTest
class RecordedStateCoverageTests {

    private static final Path SOURCES = Path.of("src/main/java");

    /**
     * Subject types whose RecordedState another branch of this session delivers. Each entry must still lack
     * one: once it exists, the test fails until the entry is removed, so the exception cannot outlive its
     * reason.
     */
    private static final Map<String, String> DELIVERED_ELSEWHERE = Map.of();

    @Autowired List<RecordedState> states;

    @Test
    void everyPublishedSubjectTypeHasARecordedState() throws IOException {
        Map<String, Set<String>> published = publishedSubjectTypes();
        assertThat(published).as("subject types found in the sources")
                .containsKeys("organisation", "user", "token", "product", "classification-request", "screening-party",
                        "screening-alert", "list-version", "screening-search", "rulebook-change", "case");
        Set<String> covered = new TreeSet<>();
        states.forEach(s -> covered.add(s.subjectType()));
        Map<String, Set<String>> missing = new TreeMap<>(published);
        missing.keySet().removeAll(covered);
        missing.keySet().removeAll(DELIVERED_ELSEWHERE.keySet());
        assertThat(missing).as("published subject types (with the files publishing them) that no RecordedState bean "
                + "covers: add one so the integrity check recomputes their rows").isEmpty();
        assertThat(DELIVERED_ELSEWHERE.keySet()).as("these now have a RecordedState: remove them from "
                + "DELIVERED_ELSEWHERE").doesNotContainAnyElementsOf(covered);
    }

    @Test
    void noTwoRecordedStatesClaimTheSameSubjectType() {
        List<String> types = states.stream().map(RecordedState::subjectType).sorted().toList();
        assertThat(types).doesNotHaveDuplicates();
    }

    /** Subject type → the source files that construct a change of it. */
    static Map<String, Set<String>> publishedSubjectTypes() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Set<String> changeTypes = new TreeSet<>();
        Pattern implementing = Pattern.compile("record\\s+(\\w+)\\s*\\([^{]*?\\)\\s*implements\\s+[^{]*\\bRecordedChange\\b",
                Pattern.DOTALL);
        for (Path file : files) {
            Matcher m = implementing.matcher(Files.readString(file));
            while (m.find()) {
                changeTypes.add(m.group(1));
            }
        }
        assertThat(changeTypes).as("records implementing RecordedChange").contains("IdentityChanged", "LicensingChange");
        Map<String, Set<String>> published = new TreeMap<>();
        List<String> notLiteral = new ArrayList<>();
        Pattern construction = Pattern.compile("new\\s+(" + String.join("|", changeTypes) + ")\\s*\\(");
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher m = construction.matcher(text);
            while (m.find()) {
                String second = argument(text, m.end(), 1);
                if (second.matches("\"[a-z][a-z0-9-]*\"")) {
                    published.computeIfAbsent(second.substring(1, second.length() - 1), k -> new TreeSet<>())
                            .add(file.getFileName().toString());
                } else {
                    notLiteral.add(file.getFileName() + ": new " + m.group(1) + "(…, " + second + ", …)");
                }
            }
        }
        assertThat(notLiteral).as("changes whose subject type is not a string literal (name it literally so that "
                + "coverage can be checked)").isEmpty();
        return published;
    }

    /** The {@code n}th (0-based) top-level argument of the call whose arguments start at {@code from}. */
    private static String argument(String text, int from, int n) {
        int depth = 0;
        int index = 0;
        int start = from;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> {
                    if (depth == 0) {
                        return index == n ? text.substring(start, i).strip() : "";
                    }
                    depth--;
                }
                case ',' -> {
                    if (depth == 0) {
                        if (index == n) {
                            return text.substring(start, i).strip();
                        }
                        index++;
                        start = i + 1;
                    }
                }
                default -> {
                }
            }
        }
        return "";
    }
}
