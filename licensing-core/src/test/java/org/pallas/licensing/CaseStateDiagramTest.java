package org.pallas.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/licensing.md draws the case state machine; it must match CaseStatus's transition table exactly. */
class CaseStateDiagramTest {

    private static final Pattern EDGE = Pattern.compile("^\\s*([A-Z_]+) --> ([A-Z_]+)\\b");

    @Test
    void documentedDiagramMatchesTheTransitionTable() throws Exception {
        // Surefire runs in server/; the docs live at the checkout root.
        Path doc = Path.of("").toAbsolutePath().getParent().resolve("docs/licensing.md");
        String text = Files.readString(doc);
        String caseDiagram =
                text.substring(text.indexOf("```mermaid"), text.indexOf("```", text.indexOf("```mermaid") + 3));
        Set<String> drawn = new TreeSet<>();
        for (String line : caseDiagram.split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                drawn.add(m.group(1) + " -> " + m.group(2));
            }
        }
        Set<String> table = new TreeSet<>();
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : from.next()) {
                table.add(from + " -> " + to);
            }
        }
        assertThat(drawn).isEqualTo(table);
    }

    @Test
    void terminalStatesHaveNoWayOut() {
        assertThat(CaseStatus.WITHDRAWN.next()).isEmpty();
        assertThat(CaseStatus.APPEAL_DECIDED.next()).isEmpty();
        assertThat(CaseStatus.FINALISED.next()).containsExactly(CaseStatus.UNDER_APPEAL);
        assertThat(CaseStatus.DRAFT.isOpen()).isFalse();
        assertThat(CaseStatus.AWAITING_COUNTERSIGNATURE.isOpen()).isTrue();
    }
}
