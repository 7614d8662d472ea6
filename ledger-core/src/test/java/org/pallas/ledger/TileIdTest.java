package org.pallas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** tlog-tiles path vectors of reference §2.8. */
class TileIdTest {

    @ParameterizedTest(name = "{3}")
    @CsvSource(textBlock = """
            0, 0, 256, tile/0/000
            0, 0, 255, tile/0/000.p/255
            1, 0, 256, tile/1/000
            15, 455667, 256, tile/15/x455/667
            15, 123456789, 41, tile/15/x123/x456/789.p/41
            2, 1234067, 256, tile/2/x001/x234/067
            -1, 0, 256, tile/entries/000
            -1, 0, 255, tile/entries/000.p/255
            -1, 1, 1, tile/entries/001.p/1
            -1, 123456789, 256, tile/entries/x123/x456/789
            """)
    void formatsAndParsesTilePaths(int level, long index, int width, String path) throws Exception {
        TileId id = new TileId(level, index, width);
        assertThat(id.path()).isEqualTo(path);
        assertThat(TileId.parse(path)).isEqualTo(id);
    }

    @Test
    void namesTheEntryBundlesOfTheSpecExamples() {
        assertThat(TileId.inTree(TileId.ENTRIES, 251 / 256, 255).path()).isEqualTo("tile/entries/000.p/255");
        assertThat(TileId.inTree(TileId.ENTRIES, 256 / 256, 257).path()).isEqualTo("tile/entries/001.p/1");
        assertThat(TileId.inTree(TileId.ENTRIES, 3 / 256, 257).path()).isEqualTo("tile/entries/000");
    }

    @Test
    void givesPartialWidthsForATreeOfSeventyThousandLeaves() {
        // C2SP tlog-tiles example: 273 full level-0 tiles, a level-0 partial of width 112, one full level-1 tile,
        // a level-1 partial of width 17 and a level-2 partial of width 1.
        assertThat(TileId.inTree(0, 272, 70_000).isFull()).isTrue();
        assertThat(TileId.inTree(0, 273, 70_000).width()).isEqualTo(112);
        assertThat(TileId.inTree(1, 0, 70_000).isFull()).isTrue();
        assertThat(TileId.inTree(1, 1, 70_000).width()).isEqualTo(17);
        assertThat(TileId.inTree(2, 0, 70_000).width()).isEqualTo(1);
        assertThat(TileId.inTree(1, 0, 256).width()).isEqualTo(1);
        assertThatThrownBy(() -> TileId.inTree(0, 274, 70_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tile/3/5/x123/x456/078.p/2",
                "tile/1/data/x003/x057/500",
                "tile/0/0000",
                "tile/0/x000/001",
                "tile/00/000",
                "tile/0/000.p/0",
                "tile/0/000.p/256",
                "tile/0/000.p/007",
                "tile/64/000",
                "tile/0/123/456",
                "/tile/0/000",
                "tile/entries/000.p/",
                "tile/x/000"
            })
    void rejectsPathsOfOtherLayoutsAndNonCanonicalPaths(String path) {
        assertThatThrownBy(() -> TileId.parse(path))
                .isInstanceOf(TileFormatException.class)
                .hasMessageContaining(path);
    }
}
