package org.pallas.server.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the {@link DemoSeed}s that have not run yet and prints the demo banner. Demo mode is on when
 * {@code pallas.demo.enabled} says so, otherwise exactly when the embedded database is in use.
 */
@Component
class DemoSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

    private final List<DemoSeed> seeds;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DemoSeeding(ObjectProvider<DemoSeed> seeds, JdbcClient jdbc, TransactionTemplate tx, Clock clock, Environment env) {
        this.seeds = seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).toList();
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = demoEnabled(env);
    }

    static boolean demoEnabled(Environment env) {
        String explicit = env.getProperty("pallas.demo.enabled");
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.trim());
        }
        return EmbeddedDatabase.inUse(env);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        for (DemoSeed seed : seeds) {
            tx.executeWithoutResult(status -> {
                // Lock so that two instances starting together do not both seed.
                jdbc.sql("lock table demo_seed in exclusive mode").update();
                boolean done = jdbc.sql("select count(*) from demo_seed where name = :name")
                        .param("name", seed.name()).query(Long.class).single() > 0;
                if (!done) {
                    log.info("Seeding demo data: {}", seed.name());
                    seed.seed();
                    jdbc.sql("insert into demo_seed (name, seeded_at) values (:name, :at)")
                            .param("name", seed.name())
                            .param("at", Timestamp.from(clock.instant()))
                            .update();
                }
            });
        }
        List<String> lines = new ArrayList<>();
        seeds.forEach(seed -> lines.addAll(seed.bannerLines()));
        if (!lines.isEmpty()) {
            String rule = "=".repeat(78);
            StringBuilder banner = new StringBuilder("\n").append(rule).append("\n  Pallas demo mode\n").append(rule).append('\n');
            lines.forEach(line -> banner.append("  ").append(line).append('\n'));
            banner.append(rule);
            log.info(banner.toString());
        }
    }
}
