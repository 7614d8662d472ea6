package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** The embedded database keeps its data on disk across a stop and a start. */
class EmbeddedDatabaseRestartTests {

    @Test
    void aRecordWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
        Path dir = Path.of("target/restart-test-data");
        MockEnvironment env = new MockEnvironment()
                .withProperty("pallas.data-dir", dir.toString())
                .withProperty("pallas.embedded-db.fresh", "true")
                .withProperty("pallas.embedded-db.pool-size", "2");
        try (var first = new EmbeddedDatabase().dataSource(env)) {
            JdbcClient jdbc = JdbcClient.create(first);
            jdbc.sql("create table kept (note text)").update();
            jdbc.sql("insert into kept values ('still here')").update();
        }
        assertThat(Files.exists(dir.resolve("postgres/PG_VERSION"))).isTrue();
        env.setProperty("pallas.embedded-db.fresh", "false");
        try (var second = new EmbeddedDatabase().dataSource(env)) {
            assertThat(JdbcClient.create(second)
                            .sql("select note from kept")
                            .query(String.class)
                            .single())
                    .isEqualTo("still here");
        }
    }
}
