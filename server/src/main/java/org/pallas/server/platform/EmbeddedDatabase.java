package org.pallas.server.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts an embedded PostgreSQL when no database URL is configured. Data lives on disk under
 * {@code pallas.data-dir} (default {@code ./data}), so a restart keeps every record.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment env) {
        Path dir = Path.of(env.getProperty("pallas.data-dir", "./data")).toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(dir.getParent());
            log.info("Starting embedded PostgreSQL with data in {}", dir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(env.getProperty("pallas.embedded-db.port", Integer.class, 0))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start (data directory " + dir + ")", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }
}
