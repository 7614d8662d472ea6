package org.pallas.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every copied data file is attributed: SOURCES.md beside it names it with its SHA-256. */
class TestDataSourcesTest {

    @Test
    void sourcesNamesEveryTestDataFileWithItsChecksum() throws Exception {
        Path folder = SharedData.testOnlyLists();
        String sources = Files.readString(folder.resolve("SOURCES.md"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("SOURCES.md"))
                    .toList();
        }
        assertThat(files).hasSize(12);
        for (Path f : files) {
            String name = folder.relativize(f).toString().replace('\\', '/');
            String sha256 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
            assertThat(sources).as(name).contains(sha256 + "  " + name);
        }
    }
}
