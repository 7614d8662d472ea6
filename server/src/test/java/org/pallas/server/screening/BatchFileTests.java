package org.pallas.server.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Parsing batch files without Spring: line numbers, malformed rows kept, limits. */
class BatchFileTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private BatchFile parse(String name, String text, long maxBytes, int maxRows) {
        return BatchFile.parse(name, text.getBytes(StandardCharsets.UTF_8), maxBytes, maxRows, json);
    }

    @Test
    void csvRowsKeepTheirLineNumbersAndMalformedRowsAreReportedNotDropped() {
        BatchFile file = parse(
                "x.csv",
                "name,kind,country,birthDate,identifiers\nAcme Ltd,organisation,GB,,IMO 123;LEI 9\n\n"
                        + ",person,,,\nBob,person,ZZZ,,\nToo,many,cells,,,,\n",
                10_000,
                100);
        assertThat(file.rows()).extracting(BatchFile.Row::line).containsExactly(2, 4, 5, 6);
        assertThat(file.rows().get(0).query().identifiers()).containsExactly("IMO 123", "LEI 9");
        assertThat(file.rows().get(0).query().country()).isEqualTo("GB");
        assertThat(file.rows().get(1).error()).contains("Enter a name");
        assertThat(file.rows().get(2).error()).contains("Country");
        assertThat(file.rows().get(3).error()).contains("cells");
        assertThat(file.valid()).isEqualTo(1);
    }

    @Test
    void csvCellsFollowRfc4180QuotingAndAnOpenQuoteIsNamed() {
        BatchFile file = parse(
                "x.csv",
                "name,country\n\"Smith, \"\"Johnny\"\" J\",GB\n\"Open quote,GB\nOpen \"quote,GB\n",
                10_000,
                100);
        assertThat(file.rows()).extracting(BatchFile.Row::line).containsExactly(2, 3, 4);
        assertThat(file.rows().get(0).name()).isEqualTo("Smith, \"Johnny\" J");
        assertThat(file.rows().get(0).query().country()).isEqualTo("GB");
        assertThat(file.rows().get(1).error()).isEqualTo("malformed CSV: unterminated quote");
        assertThat(file.rows().get(2).error()).isEqualTo("malformed CSV: unterminated quote");
        assertThat(BatchFile.cells("a,,\"b\"")).containsExactly("a", "", "b");
    }

    @Test
    void ndjsonRowsAreSearchRequestsAndBrokenJsonIsNamed() {
        BatchFile file = parse(
                "x.ndjson",
                "{\"name\":\"Intelexa\",\"kind\":\"organisation\",\"birthDate\":\"2019\"}\n{not json\n",
                10_000,
                100);
        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).query().name()).isEqualTo("Intelexa");
        assertThat(file.rows().get(1).line()).isEqualTo(2);
        assertThat(file.rows().get(1).error()).startsWith("malformed JSON");
    }

    @Test
    void limitsHeaderAndEncodingRejectTheWholeFile() {
        assertThatThrownBy(() -> parse("x.csv", "name\nA\nB\nC\n", 10_000, 2))
                .isInstanceOf(BatchFile.Rejected.class)
                .hasMessageContaining("2 rows");
        assertThatThrownBy(() -> parse("x.csv", "name\nAAAAAAAAAA\n", 8, 10))
                .isInstanceOf(BatchFile.Rejected.class)
                .hasMessageContaining("8 bytes");
        assertThatThrownBy(() -> parse("x.csv", "who\nA\n", 1000, 10)).hasMessageContaining("'name' column");
        assertThatThrownBy(() -> parse("x.csv", "name,colour\nA,red\n", 1000, 10))
                .hasMessageContaining("unknown column 'colour'");
        assertThatThrownBy(() -> parse("x.csv", "name\n", 1000, 10)).hasMessageContaining("no rows");
        assertThatThrownBy(() -> BatchFile.parse(
                        "x.csv", new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xC3, (byte) 0x28}, 100, 10, json))
                .hasMessageContaining("UTF-8");
    }
}
