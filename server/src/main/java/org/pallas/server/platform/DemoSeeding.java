package org.pallas.server.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the {@link DemoSeed}s that have not run yet and prints the demo banner. Demo mode is on when
 * {@code pallas.demo.enabled} says so, otherwise exactly when the embedded database is in use.
 *
 * <p>Seeds with no {@link DemoSeed#runsAfter() event to wait for} run at start; the others run, in order, when
 * their event is published (after the seeds of the start, even if the event came first). The banner follows the
 * last seed. Each seed locks the {@code demo_seed} table and checks whether it ran before, so restarts and several
 * instances on one database seed once.
 */
@Component
class DemoSeeding implements ApplicationRunner, GenericApplicationListener {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

    private final List<DemoSeed> seeds;
    private final Set<Class<?>> awaited;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    /** Seeds not run (or found done) in this process yet, in order; guarded by this. */
    private final List<DemoSeed> pending;

    private final Set<Class<?>> arrived = new HashSet<>();
    private boolean started;

    @Autowired
    DemoSeeding(ObjectProvider<DemoSeed> seeds, JdbcClient jdbc, TransactionTemplate tx, Clock clock, Environment env) {
        this(seeds.stream().toList(), jdbc, tx, clock, demoEnabled(env));
    }

    DemoSeeding(List<DemoSeed> seeds, JdbcClient jdbc, TransactionTemplate tx, Clock clock, boolean enabled) {
        this.seeds =
                seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).toList();
        this.awaited = Set.copyOf(this.seeds.stream()
                .map(DemoSeed::runsAfter)
                .filter(Objects::nonNull)
                .toList());
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
        this.pending = new ArrayList<>(this.seeds);
    }

    static boolean demoEnabled(Environment env) {
        String explicit = env.getProperty("pallas.demo.enabled");
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.trim());
        }
        return EmbeddedDatabase.inUse(env);
    }

    @Override
    public synchronized void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        started = true;
        runReady();
        pending.stream()
                .map(DemoSeed::runsAfter)
                .distinct()
                .forEach(event -> log.info(
                        "Demo data waits for {}: {}",
                        event.getCanonicalName(),
                        pending.stream()
                                .filter(s -> s.runsAfter() == event)
                                .map(DemoSeed::name)
                                .toList()));
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = payloadType(eventType);
        return enabled && type != null && awaited.stream().anyMatch(a -> a.isAssignableFrom(type));
    }

    private static Class<?> payloadType(ResolvableType eventType) {
        if (PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())) {
            return eventType.as(PayloadApplicationEvent.class).getGeneric().resolve();
        }
        return eventType.resolve();
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationEvent event) {
        Object payload = event instanceof PayloadApplicationEvent<?> p ? p.getPayload() : event;
        arrived.add(payload.getClass());
        if (started) {
            runReady();
        }
    }

    private void runReady() {
        // The seeds of the start first, then those whose event has come, each group in order.
        List<DemoSeed> ready = pending.stream()
                .filter(this::ready)
                .sorted(Comparator.comparing((DemoSeed s) -> s.runsAfter() != null))
                .toList();
        if (ready.isEmpty()) {
            return;
        }
        for (DemoSeed seed : ready) {
            seedOnce(seed);
            pending.remove(seed);
        }
        if (pending.isEmpty()) {
            banner();
        }
    }

    private boolean ready(DemoSeed seed) {
        Class<?> after = seed.runsAfter();
        return after == null || arrived.stream().anyMatch(after::isAssignableFrom);
    }

    private void seedOnce(DemoSeed seed) {
        tx.executeWithoutResult(status -> {
            // Lock so that two instances starting together do not both seed.
            jdbc.sql("lock table demo_seed in exclusive mode").update();
            boolean done = jdbc.sql("select count(*) from demo_seed where name = :name")
                            .param("name", seed.name())
                            .query(Long.class)
                            .single()
                    > 0;
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

    private void banner() {
        List<String> lines = new ArrayList<>();
        seeds.forEach(seed -> lines.addAll(seed.bannerLines()));
        if (!lines.isEmpty()) {
            String rule = "=".repeat(78);
            StringBuilder banner = new StringBuilder("\n")
                    .append(rule)
                    .append("\n  Pallas demo mode\n")
                    .append(rule)
                    .append('\n');
            lines.forEach(line -> banner.append("  ").append(line).append('\n'));
            banner.append(rule);
            log.info(banner.toString());
        }
    }
}
