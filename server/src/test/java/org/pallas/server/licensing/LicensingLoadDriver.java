package org.pallas.server.licensing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.ClassificationStatus;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.Outcome;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.licensing.Product;
import org.pallas.licensing.QuantityModel;
import org.pallas.licensing.Routing;
import org.pallas.licensing.Safeguard;
import org.pallas.licensing.UndertakingDocument;
import org.pallas.server.Pallas;
import org.pallas.server.licensing.cases.BackdatedCases;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.KnownCallers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Load driver for licensing (not a test): boots the server in this JVM on 127.0.0.1 with a fresh embedded
 * PostgreSQL and the demo users, fills the database with {@code applications} cases, then lets {@code users}
 * concurrent users work over HTTP for {@code seconds} (bounded to 120 s, after a 5 s warm-up that is not counted):
 * caseworkers signed in with real sessions read team-queue pages and case pages; exporters with access tokens
 * create, upload and submit applications through the API and read them back. Reports p50/p95/p99 and errors per
 * request type. Goal (issue 7): p99 under 300 ms with no errors at 10,000 applications and 50 users.
 *
 * <p>The cases: 40 templates are filed and decided through {@link Cases} on a backdated clock (so the rows are the
 * real ones), then copied in SQL with new ids and references until there are {@code applications} (copies carry
 * no ledger entries and no licences; the database is thrown away afterwards).
 *
 * <p>Run (see docs/benchmarks/licensing.md): {@code java -cp ... org.pallas.server.licensing.LicensingLoadDriver
 * [applications] [users] [seconds]}
 */
public final class LicensingLoadDriver {

    static final String PASSWORD = "pallas-demo-2026";
    static final int TEMPLATES = 40;

    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstError = new ConcurrentHashMap<>();
    private volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = Math.min(120, args.length > 2 ? Integer.parseInt(args[2]) : 60);
        Path data = Files.createTempDirectory("pallas-licensing-load");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Pallas.class)
                .run(
                        "--pallas.data-dir=" + data,
                        "--pallas.embedded-db.fresh=true",
                        "--pallas.demo.enabled=true",
                        "--pallas.embedded-db.pool-size=" + (users + 10),
                        "--server.address=127.0.0.1",
                        "--server.port=0",
                        "--logging.level.root=WARN")) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            long t0 = System.nanoTime();
            List<UUID> ids = fill(ctx, applications);
            System.out.printf(
                    Locale.ROOT,
                    "cases in the database: %d (filled in %.1f s)%n",
                    ctx.getBean(JdbcClient.class)
                            .sql("select count(*) from licensing_case")
                            .query(Long.class)
                            .single(),
                    (System.nanoTime() - t0) / 1e9);
            new LicensingLoadDriver().drive(base, ids, users, seconds);
        }
    }

    // ---- filling the database ------------------------------------------------------------------------------------

    static List<UUID> fill(ConfigurableApplicationContext ctx, int applications) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
        List<UUID> templates = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            Instant now = Instant.now();
            BackdatedCases b = new BackdatedCases(ctx.getBean(Cases.class), ctx.getBean(KnownCallers.class), now);
            Caller exporter = b.caller("northbridge.lee");
            Caller caseworker = b.caller("caseworker");
            Random random = new Random(1);
            String[] countries = {"DE", "FR", "NL", "SE", "US", "JP", "CA", "IE"};
            for (int i = 0; i < TEMPLATES; i++) {
                Instant submitted =
                        now.minus(Duration.ofDays(5 + random.nextInt(80))).minus(Duration.ofHours(random.nextInt(8)));
                Cases cases = b.at(submitted);
                UUID id = cases.startDraft(
                        exporter,
                        LicenceType.INDIVIDUAL,
                        details(countries[i % countries.length], i),
                        new CaseCommand.Declarations(
                                i % 3 == 2 ? 3 : 1, i % 3 == 2 ? "SECURITY_RESEARCH" : "PENETRATION_TESTING"));
                cases.submit(exporter, id);
                templates.add(id);
                if (i % 4 == 0) {
                    continue; // stays in reception
                }
                b.at(submitted.plusSeconds(3600)).assignToSelf(caseworker, id);
                b.at(submitted.plusSeconds(7200)).completeInitialChecks(caseworker, id);
                Routing routing = b.at(submitted.plusSeconds(7200))
                        .authorityView(caseworker, id)
                        .c()
                        .routing()
                        .orElseThrow();
                if (i % 2 == 0 && routing.route() == AssessmentRoute.FAST_TRACK) {
                    b.at(submitted.plus(Duration.ofDays(1 + random.nextInt(3))))
                            .decide(
                                    caseworker,
                                    id,
                                    Outcome.APPROVED,
                                    "Low-risk transfer.",
                                    List.of(),
                                    routing.suggestedConditions());
                }
            }
        });
        long existing = jdbc.sql("select count(*) from licensing_case")
                .query(Long.class)
                .single();
        int copies = (int) Math.max(0, (applications - existing + TEMPLATES - 1) / TEMPLATES);
        tx.executeWithoutResult(s -> {
            jdbc.sql("create temp table load_map on commit drop as select t.id as template_id, gen_random_uuid() as id,"
                            + " row_number() over () as n from licensing_case t cross join generate_series(1, :copies)"
                            + " where t.id in (:templates)")
                    .param("copies", copies)
                    .param("templates", templates)
                    .update();
            copy(
                    jdbc,
                    "licensing_case",
                    "id",
                    Map.of("id", "m.id", "reference", "'PAL-LOAD-' || lpad(m.n::text, 7, '0')"));
            copy(jdbc, "licensing_case_command", "case_id", Map.of("case_id", "m.id"));
            copy(jdbc, "licensing_application_version", "case_id", Map.of("case_id", "m.id"));
            copy(
                    jdbc,
                    "licensing_case_transition",
                    "case_id",
                    Map.of(
                            "case_id",
                            "m.id",
                            "payload",
                            "jsonb_set(x.payload, '{change,caseId}', to_jsonb(m.id::text))"));
        });
        jdbc.sql("analyze").update();
        return jdbc.sql("select id from licensing_case where status <> 'DRAFT'")
                .query(UUID.class)
                .list();
    }

    /** Copies the template rows of a table for every mapped copy, with the given column expressions replaced. */
    private static void copy(JdbcClient jdbc, String table, String key, Map<String, String> replaced) {
        List<String> columns = jdbc.sql("select column_name from information_schema.columns where table_name = :t"
                        + " and table_schema = current_schema() order by ordinal_position")
                .param("t", table)
                .query(String.class)
                .list();
        String select = String.join(
                ", ",
                columns.stream().map(c -> replaced.getOrDefault(c, "x." + c)).toList());
        jdbc.sql("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
                        + " x join load_map m on m.template_id = x." + key)
                .update();
    }

    private static ApplicationDetails details(String country, int i) {
        Party endUser = new Party(
                "EU1",
                PartyRole.END_USER,
                "Load customer " + i + " Ltd",
                country,
                "Street " + i + ", " + country,
                EndUserType.COMMERCIAL,
                null);
        return new ApplicationDetails(
                List.of(new Product("P1", "Load toolkit " + i, ClassificationStatus.CONFIRMED, List.of("4D004"))),
                List.of(endUser),
                Set.of(country),
                "Authorised penetration testing of the customer's own networks.",
                new UndertakingDocument("load-" + i, "application/pdf", 1000, "d".repeat(64)),
                Set.of(Safeguard.AUDIT_RIGHTS, Safeguard.NO_ONWARD_TRANSFER, Safeguard.LOGGING),
                new QuantityModel(2, 1, 1, 12),
                null);
    }

    // ---- driving the users ---------------------------------------------------------------------------------------

    void drive(String base, List<UUID> caseIds, int users, int seconds) throws Exception {
        int exporters = Math.max(1, users * 2 / 5);
        String[] exporterNames = {"northbridge.lee", "northbridge.patel", "calder.weber", "calder.fischer"};
        String[] officerNames = {"caseworker", "senior"};
        AtomicBoolean running = new AtomicBoolean(true);
        // Every user signs in (password hashing is deliberately slow) before the warm-up starts.
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(users);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            int n = u;
            boolean exporter = u < exporters;
            pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
                Random random = new Random(n);
                try {
                    String token = null;
                    try {
                        if (exporter) {
                            token = token(http, base, exporterNames[n % exporterNames.length]);
                        } else {
                            signIn(http, base, officerNames[n % officerNames.length]);
                        }
                    } finally {
                        ready.countDown();
                    }
                    ready.await();
                    while (running.get()) {
                        if (exporter) {
                            exporterRound(http, base, token, random);
                        } else {
                            officerRound(http, base, caseIds, random);
                        }
                    }
                } catch (Exception e) {
                    error("user-setup", e.toString());
                }
                return null;
            });
        }
        if (!ready.await(300, TimeUnit.SECONDS)) {
            System.out.println("not every user could sign in within 300 s");
        }
        Thread.sleep(5_000);
        measuring = true;
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring = false;
        double elapsed = (System.nanoTime() - started) / 1e9;
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        report(users, exporters, caseIds.size(), elapsed);
    }

    private void officerRound(HttpClient http, String base, List<UUID> caseIds, Random random) {
        String[] sorts = {"TIME_IN_QUEUE", "SLA_DAYS_REMAINING", "SUBMITTED"};
        if (random.nextInt(10) < 6) {
            String query = "?sort=" + sorts[random.nextInt(3)] + "&page=" + (1 + random.nextInt(20))
                    + (random.nextInt(3) == 0 ? "&destination=DE" : "")
                    + (random.nextInt(4) == 0 ? "&overdue=true" : "");
            timed(
                    "GET /queues",
                    http,
                    HttpRequest.newBuilder(URI.create(base + "/queues" + query)).GET(),
                    200);
        } else {
            UUID id = caseIds.get(random.nextInt(caseIds.size()));
            timed(
                    "GET /cases/{id}",
                    http,
                    HttpRequest.newBuilder(URI.create(base + "/cases/" + id)).GET(),
                    200);
        }
    }

    private void exporterRound(HttpClient http, String base, String token, Random random) {
        String body = """
                {"type":"INDIVIDUAL","riskTier":1,"endUseCategory":"PENETRATION_TESTING",
                 "details":{
                  "products":[{"productId":"P1","name":"Load toolkit","classification":"CONFIRMED","controlEntries":["4D004"]}],
                  "parties":[{"partyId":"EU1","role":"END_USER","name":"Load bank %d AG","countryCode":"DE",
                              "address":"Frankfurt","endUserType":"COMMERCIAL"}],
                  "destinations":["DE"],
                  "endUseStatement":"Authorised penetration testing of the bank's own networks.",
                  "safeguards":["AUDIT_RIGHTS","NO_ONWARD_TRANSFER","LOGGING"],
                  "quantities":{"seats":5,"concurrentTargets":2,"deployments":1,"updateAndSupportMonths":12}}}
                """.formatted(random.nextInt(1_000_000));
        String created = timed(
                "POST /api/v1/applications",
                http,
                api(base + "/api/v1/applications", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                201);
        if (created == null) {
            return;
        }
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created);
        if (!m.find()) {
            error("POST /api/v1/applications", "no id in " + created);
            return;
        }
        String id = m.group(1);
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        timed(
                "PUT /api/v1/applications/{id}/undertaking",
                http,
                api(base + "/api/v1/applications/" + id + "/undertaking", token)
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)),
                200);
        timed(
                "POST /api/v1/applications/{id}/submit",
                http,
                api(base + "/api/v1/applications/" + id + "/submit", token).POST(HttpRequest.BodyPublishers.noBody()),
                200);
        timed(
                "GET /api/v1/applications/{id}",
                http,
                api(base + "/api/v1/applications/" + id, token).GET(),
                200);
    }

    private static HttpRequest.Builder api(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private String token(HttpClient http, String base, String username) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                                + PASSWORD + "\",\"name\":\"load\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("token for " + username + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    private static void signIn(HttpClient http, String base, String username) throws Exception {
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r.statusCode() + " " + location);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Sends the request; records its latency while measuring; returns the body when the status was as expected. */
    private String timed(String type, HttpClient http, HttpRequest.Builder request, int expected) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (measuring) {
                latencies
                        .computeIfAbsent(type, k -> new ConcurrentLinkedQueue<>())
                        .add(ms);
            }
            if (r.statusCode() != expected) {
                error(
                        type,
                        r.statusCode() + " "
                                + r.body().substring(0, Math.min(200, r.body().length())));
                return null;
            }
            return r.body();
        } catch (Exception e) {
            error(type, e.toString());
            return null;
        }
    }

    private void error(String type, String detail) {
        if (measuring || type.equals("user-setup")) {
            errors.computeIfAbsent(type, k -> new AtomicLong()).incrementAndGet();
            firstError.putIfAbsent(type, detail);
        }
    }

    private void report(int users, int exporters, int cases, double elapsed) {
        System.out.printf(
                Locale.ROOT,
                "users=%d (%d exporters, %d caseworkers) cases=%d measured=%.1f s date=%s%n",
                users,
                exporters,
                users - exporters,
                cases,
                elapsed,
                LocalDate.now());
        System.out.printf(
                Locale.ROOT,
                "%-45s %7s %6s %7s %7s %7s %7s%n",
                "request",
                "n",
                "errors",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms");
        boolean ok = true;
        Map<String, Object> types = new TreeMap<>(latencies);
        errors.keySet().forEach(k -> types.putIfAbsent(k, List.of()));
        for (String type : types.keySet()) {
            List<Long> sorted = new ArrayList<>(latencies.getOrDefault(type, new ConcurrentLinkedQueue<>()));
            Collections.sort(sorted);
            long errs = errors.getOrDefault(type, new AtomicLong()).get();
            long p99 = percentile(sorted, 0.99);
            ok &= errs == 0 && p99 < 300;
            System.out.printf(
                    Locale.ROOT,
                    "%-45s %7d %6d %7d %7d %7d %7d%n",
                    type,
                    sorted.size(),
                    errs,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.95),
                    p99,
                    percentile(sorted, 1.0));
        }
        firstError.forEach((type, detail) -> System.out.println("first error of " + type + ": " + detail));
        System.out.println(
                ok
                        ? "goal met: p99 < 300 ms and no errors for every request type"
                        : "goal NOT met: p99 >= 300 ms or errors for some request type");
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1)));
    }
}
