package org.pallas.server.screening;

import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListCatalogue;
import org.pallas.screening.ListDelta;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListVersion;
import org.pallas.screening.evaluation.BundledLists;
import org.pallas.screening.importing.ListFormat;
import org.pallas.screening.importing.ListImportException;
import org.pallas.screening.importing.ListImporter;
import org.pallas.server.platform.RecordedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The restricted-party list versions: imported from files, stored in PostgreSQL with their import
 * reports and files, and put in use atomically.
 *
 * <p>An import parses the files completely first; then, in one transaction, stores the version and
 * re-screens every party against the version's delta (new, changed and relisted entries; alerts on
 * removed or delisted entries lapse); only after that commits does the in-memory index switch to the
 * new version (one reference swap in {@link ListCatalogue}). A failed import changes nothing: the
 * previous version stays in use. At start the stored current versions are re-read from their stored
 * files in the background; in demo mode the bundled lists are imported the first time.
 */
@Service
public class RestrictedLists {

    private static final Logger log = LoggerFactory.getLogger(RestrictedLists.class);
    /** The bundled files live under this classpath folder (copied from shared/data/sanctions, see SOURCES.md). */
    static final String BUNDLED = "lists/";
    /** The 2021 SDN extract is superseded by the 2024 one; it is kept for evaluation only. */
    static final List<BundledLists.Bundle> SHIPPED = BundledLists.BUNDLES.stream()
            .filter(b -> !b.source().equals("US-OFAC-SDN-2021"))
            .toList();

    /** A file of a list version. */
    public record ListFile(String name, byte[] content) {}

    /** Progress of an import (state RUNNING, DONE or FAILED), for the list status page and API. */
    public record ImportState(
            String source,
            String state,
            long bytesRead,
            long totalBytes,
            int entries,
            String message,
            Instant updatedAt) {
        public int percent() {
            return totalBytes > 0 ? (int) Math.min(100, 100 * bytesRead / totalBytes) : state.equals("DONE") ? 100 : 0;
        }
    }

    /**
     * Published once the start-up load has finished, whether or not every list loaded: the labels of the versions in
     * use from then on. Demo applications wait for it so that their parties are screened.
     */
    public record Loaded(List<String> inUse) {}

    /** A stored version with its report. */
    public record StoredVersion(
            UUID id,
            String source,
            String format,
            LocalDate publishedOn,
            String contentHash,
            int entries,
            int malformed,
            int added,
            int changed,
            int removed,
            Instant importedAt,
            String label,
            boolean inUse,
            @Schema(implementation = ImportReport.class) JsonNode report) {}

    private final ListCatalogue catalogue;
    private final PartyRegister parties;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, ImportState> imports = new ConcurrentHashMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);

    RestrictedLists(
            ListCatalogue catalogue,
            PartyRegister parties,
            JdbcClient jdbc,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.catalogue = catalogue;
        this.parties = parties;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Labels (source@date#hash) of the versions in use. */
    public List<String> inUse() {
        return catalogue.snapshot().index().listVersions();
    }

    /** The index over the versions in use; other modules screen through {@link RestrictedPartyScreening}. */
    org.pallas.screening.ScreeningIndex index() {
        return catalogue.snapshot().index();
    }

    /** True once the stored (and, in demo mode, bundled) lists have been loaded at start. */
    public boolean loaded() {
        return loaded.getCount() == 0;
    }

    /** Waits for the start-up load; for tests and operations scripts. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<ImportState> imports() {
        return imports.values().stream()
                .sorted(Comparator.comparing(ImportState::source))
                .toList();
    }

    /** A list to import: format, source, publication date when the files do not state one (else null), files. */
    public record Pending(ListFormat format, String source, LocalDate publishedOn, List<ListFile> files) {}

    /**
     * Imports a new version of {@code source}, re-screens parties against what changed and puts it in
     * use. Imports are serialised so that each delta is taken against the version it replaces.
     *
     * @param actor the user who imported it, or null for the system
     */
    public StoredVersion importVersion(
            ListFormat format, String source, LocalDate publishedOn, List<ListFile> files, UUID actor)
            throws ListImportException {
        return importVersions(List.of(new Pending(format, source, publishedOn, files)), actor)
                .get(0);
    }

    /**
     * Imports several lists together (the first load): every file is parsed before anything is stored;
     * the versions are stored and parties re-screened in one transaction; the index is rebuilt once.
     */
    public synchronized List<StoredVersion> importVersions(List<Pending> pending, UUID actor)
            throws ListImportException {
        List<ListVersion> parsed = new ArrayList<>();
        for (Pending p : pending) {
            try {
                parsed.add(parse(p.format(), p.source(), p.publishedOn(), p.files()));
            } catch (ListImportException e) {
                imports.put(
                        p.source(), new ImportState(p.source(), "FAILED", 0, 0, 0, e.getMessage(), clock.instant()));
                throw e;
            }
        }
        ListCatalogue.Snapshot before = catalogue.snapshot();
        Map<String, ListVersion> after = new LinkedHashMap<>(before.versions());
        List<ListEntry> toScreen = new ArrayList<>();
        List<ListEntry> removed = new ArrayList<>();
        List<ListDelta> deltas = new ArrayList<>();
        for (ListVersion version : parsed) {
            ListDelta delta = ListDelta.between(after.put(version.source(), version), version);
            deltas.add(delta);
            toScreen.addAll(delta.toScreen());
            removed.addAll(delta.removed());
        }
        List<String> labels =
                after.values().stream().map(ListVersion::label).sorted().toList();
        String imported = parsed.stream().map(ListVersion::label).collect(java.util.stream.Collectors.joining(", "));
        List<UUID> ids = tx.execute(status -> {
            List<UUID> stored = new ArrayList<>();
            for (int i = 0; i < parsed.size(); i++) {
                stored.add(store(
                        pending.get(i).format(),
                        parsed.get(i),
                        deltas.get(i),
                        pending.get(i).files(),
                        actor));
            }
            parties.rescreen(
                    new ListDelta(toScreen, List.of(), removed, 0),
                    labels,
                    imported,
                    catalogue.snapshot().index().config());
            return stored;
        });
        catalogue.installAll(parsed);
        for (int i = 0; i < parsed.size(); i++) {
            ListVersion version = parsed.get(i);
            ListDelta delta = deltas.get(i);
            long bytes = version.report().files().stream()
                    .mapToLong(ImportReport.ImportedFile::bytes)
                    .sum();
            imports.put(
                    version.source(),
                    new ImportState(
                            version.source(),
                            "DONE",
                            bytes,
                            bytes,
                            version.entries().size(),
                            "%d entries, %d malformed rows; %d added, %d changed, %d removed"
                                    .formatted(
                                            version.entries().size(),
                                            version.report().malformations().size(),
                                            delta.added().size(),
                                            delta.changed().size(),
                                            delta.removed().size()),
                            clock.instant()));
            log.info(
                    "List {} in use: {} ({} added, {} changed, {} removed, {} unchanged)",
                    version.source(),
                    version.label(),
                    delta.added().size(),
                    delta.changed().size(),
                    delta.removed().size(),
                    delta.unchanged());
        }
        return ids.stream().map(this::version).toList();
    }

    /** Every stored version, newest first, with its import report. */
    public List<StoredVersion> versions() {
        List<String> inUse = inUse();
        return jdbc.sql("""
                select id, source, format, published_on, content_hash, entry_count, malformed, delta_added, delta_changed,
                       delta_removed, imported_at, label, report
                from screening_list_version order by imported_at desc, source""")
                .query((rs, n) -> new StoredVersion(
                        rs.getObject("id", UUID.class),
                        rs.getString("source"),
                        rs.getString("format"),
                        rs.getObject("published_on", LocalDate.class),
                        rs.getString("content_hash"),
                        rs.getInt("entry_count"),
                        rs.getInt("malformed"),
                        rs.getInt("delta_added"),
                        rs.getInt("delta_changed"),
                        rs.getInt("delta_removed"),
                        rs.getTimestamp("imported_at").toInstant(),
                        rs.getString("label"),
                        inUse.contains(rs.getString("label")),
                        json.readTree(rs.getString("report"))))
                .list();
    }

    StoredVersion version(UUID id) {
        return versions().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Loads the lists once the application is up: in the background so that start-up stays fast, or
     * before the application reports ready when {@code pallas.screening.load=blocking} (tests, whose
     * change records must not interleave with a background import).
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadWhenReady(ApplicationReadyEvent event) {
        if ("blocking".equals(event.getApplicationContext().getEnvironment().getProperty("pallas.screening.load"))) {
            load();
            return;
        }
        Thread loader = new Thread(this::load, "screening-lists");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        try {
            restoreStored();
            boolean bundledRequested = jdbc.sql("select count(*) from screening_bundled_lists")
                            .query(Long.class)
                            .single()
                    > 0;
            if (bundledRequested) {
                importBundled();
            }
        } catch (RuntimeException e) {
            log.error("Loading the restricted-party lists failed; screening answers without them", e);
        } finally {
            loaded.countDown();
        }
        events.publishEvent(new Loaded(inUse()));
    }

    /** Re-reads the current version of each source from its stored files (hashes verified by the parser). */
    void restoreStored() {
        record Current(UUID id, String source, ListFormat format, LocalDate publishedOn, String hash) {}
        List<Current> current = jdbc.sql("""
                select distinct on (source) id, source, format, published_on, content_hash
                from screening_list_version order by source, imported_at desc""")
                .query((rs, n) -> new Current(
                        rs.getObject("id", UUID.class),
                        rs.getString("source"),
                        ListFormat.valueOf(rs.getString("format")),
                        rs.getObject("published_on", LocalDate.class),
                        rs.getString("content_hash")))
                .list();
        List<ListVersion> restored = new ArrayList<>();
        for (Current c : current) {
            List<ListFile> files = jdbc.sql(
                            "select name, content from screening_list_file where version_id = :id order by position")
                    .param("id", c.id())
                    .query((rs, n) -> new ListFile(rs.getString("name"), rs.getBytes("content")))
                    .list();
            try {
                ListVersion version = parse(c.format(), c.source(), c.publishedOn(), files);
                if (!contentHash(version.report()).equals(c.hash())) {
                    throw new IllegalStateException(
                            "stored files of " + c.source() + " do not match their hash " + c.hash());
                }
                restored.add(version);
                log.info("Restored list {}", version.label());
            } catch (ListImportException e) {
                log.error("Stored version {} of {} no longer imports: {}", c.id(), c.source(), e.getMessage());
            }
        }
        catalogue.installAll(restored);
    }

    /** Imports the shipped lists that have no stored version yet (so an interrupted first start resumes). */
    void importBundled() {
        List<Pending> missing = SHIPPED.stream()
                .filter(b -> !catalogue.snapshot().versions().containsKey(b.source()))
                .map(b -> new Pending(
                        b.format(),
                        b.source(),
                        b.publishedOn(),
                        b.files().stream().map(RestrictedLists::bundledFile).toList()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            importVersions(missing, null);
        } catch (ListImportException e) {
            log.error("The bundled lists did not import: {}", e.getMessage());
        }
    }

    private static ListFile bundledFile(String name) {
        try (InputStream in = new ClassPathResource(BUNDLED + name).getInputStream()) {
            return new ListFile(name.substring(name.lastIndexOf('/') + 1), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("bundled list file " + name + " is missing from the classpath", e);
        }
    }

    private ListVersion parse(ListFormat format, String source, LocalDate publishedOn, List<ListFile> files)
            throws ListImportException {
        ListImporter importer = new ListImporter(
                clock,
                (src, read, total, entries) -> imports.put(
                        src, new ImportState(src, "RUNNING", read, total, entries, "importing", clock.instant())));
        imports.put(source, new ImportState(source, "RUNNING", 0, -1, 0, "importing", clock.instant()));
        return importer.importInputs(
                format,
                source,
                publishedOn,
                files.stream()
                        .map(f -> ListImporter.Input.of(f.name(), f.content()))
                        .toList());
    }

    private UUID store(ListFormat format, ListVersion version, ListDelta delta, List<ListFile> files, UUID actor) {
        UUID id = UUID.randomUUID();
        ImportReport report = version.report();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into screening_list_version (id, source, format, published_on, content_hash, entry_count, malformed,
                    delta_added, delta_changed, delta_removed, report, imported_at, imported_by, label)
                values (:id, :source, :format, :published, :hash, :entries, :malformed, :added, :changed, :removed,
                    :report, :at, :by, :label)""")
                .param("id", id)
                .param("source", version.source())
                .param("format", format.name())
                .param("published", report.publishedOn())
                .param("hash", contentHash(report))
                .param("entries", version.entries().size())
                .param("malformed", report.malformations().size())
                .param("added", delta.added().size())
                .param("changed", delta.changed().size())
                .param("removed", delta.removed().size())
                .param("report", json.writeValueAsString(report))
                .param("at", Timestamp.from(now))
                .param("by", actor)
                .param("label", version.label())
                .update();
        for (int i = 0; i < files.size(); i++) {
            jdbc.sql("insert into screening_list_file (version_id, position, name, content) values (:v, :p, :n, :c)")
                    .param("v", id)
                    .param("p", i)
                    .param("n", files.get(i).name())
                    .param("c", files.get(i).content())
                    .update();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", version.source());
        facts.put("label", version.label());
        facts.put("contentHash", contentHash(report));
        facts.put("entries", version.entries().size());
        facts.put("malformedRows", report.malformations().size());
        facts.put("added", delta.added().size());
        facts.put("changed", delta.changed().size());
        facts.put("removed", delta.removed().size());
        events.publishEvent(new ScreeningChanged.ListImported(
                new RecordedChange.Facts(id.toString(), actor, now, facts, Map.of())));
        return id;
    }

    /** SHA-256 over the files' SHA-256 digests in order: one hash naming the whole version. */
    static String contentHash(ImportReport report) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (ImportReport.ImportedFile f : report.files()) {
                sha.update(f.sha256().getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
