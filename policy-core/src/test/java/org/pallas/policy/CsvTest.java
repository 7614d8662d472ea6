package org.pallas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static List<Csv.Row> read(String text) {
        return Csv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "table.csv");
    }

    @Test
    void readsRowsByHeaderWithTheirLineNumbersAfterCommentsBomAndBlankLines() {
        List<Csv.Row> rows = read("\uFEFF# a project-authored table\n# second comment\niso2,name,note\n"
                + "GB,United Kingdom,\n\n# between rows\nKR,\"Korea, Republic of\",\"said \"\"yes\"\"\"\n");

        assertThat(rows).extracting(Csv.Row::line).containsExactly(4, 7);
        assertThat(rows.get(1).get("name")).isEqualTo("Korea, Republic of");
        assertThat(rows.get(1).get("note")).isEqualTo("said \"yes\"");
        assertThat(rows.get(0).get("note")).isEmpty();
    }

    @Test
    void namesTheFileAndLineOfARowWithTheWrongNumberOfFields() {
        assertThatThrownBy(() -> read("a,b\n1,2\n1,2,3\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table.csv:3: expected 2 fields, found 3");
    }

    @Test
    void namesTheFileAndLineOfAnUnterminatedQuote() {
        assertThatThrownBy(() -> read("a,b\n1,2\n\"open,2\n3,4\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table.csv:3: unterminated quoted field");
    }

    @Test
    void namesAMissingColumnWithTheRowsLine() {
        assertThatThrownBy(() -> read("a,b\n1,2\n").get(0).get("c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2: no column 'c'");
        assertThatThrownBy(() -> read("# only a comment\n")).hasMessage("table.csv: empty file");
    }
}
