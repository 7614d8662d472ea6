package org.pallas.server.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pallas.policy.Rulebook;
import org.pallas.policy.RulebookException;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rulebook versions this server knows, by version: the active one assesses new applications; every earlier one
 * stays loadable so that an assessment can be re-run against the version it recorded. Versions after the shipped
 * one come from approved {@code rulebook_change} rows, replayed in order at start-up.
 */
@Component
class Rulebooks {

    static final String MANIFEST = "rulebook.yaml";
    private static final String RESOURCES = "/org/pallas/policy/rulebook/";
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version:.*$");
    private static final Pattern FILE_LINE = Pattern.compile("(?m)^  - ([a-z0-9-]+\\.yaml)\\s*$");

    /** One loaded version and the text of its files (manifest included). */
    record Version(Rulebook rulebook, Map<String, String> files) {}

    private final Map<String, Version> byVersion = new ConcurrentHashMap<>();
    private volatile Version active;

    Rulebooks(Rulebook shippedRulebook, JdbcClient jdbc) {
        Version shipped = new Version(shippedRulebook, shippedFiles());
        byVersion.put(shippedRulebook.version(), shipped);
        active = shipped;
        jdbc.sql("select file_name, content, new_version from rulebook_change where status = 'APPROVED' "
                        + "order by decided_at, new_version")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(row -> activate(candidate(row.get(0), row.get(1), row.get(2))));
    }

    Rulebook active() {
        return active.rulebook();
    }

    Version activeVersion() {
        return active;
    }

    Optional<Rulebook> find(String version) {
        return Optional.ofNullable(byVersion.get(version)).map(Version::rulebook);
    }

    boolean known(String version) {
        return byVersion.containsKey(version);
    }

    synchronized void activate(Version version) {
        byVersion.put(version.rulebook().version(), version);
        active = version;
    }

    /**
     * The active rulebook with one rule file replaced and the manifest's version set to {@code newVersion}, loaded
     * and validated as a whole: every problem (with file and line) is reported against {@code content}.
     */
    Version candidate(String file, String content, String newVersion) {
        Map<String, String> files = new LinkedHashMap<>(active.files());
        if (file.equals(MANIFEST) || !files.containsKey(file)) {
            throw new InvalidInputException(
                    "file",
                    "Name one of the rule files: "
                            + String.join(
                                    ", ",
                                    files.keySet().stream()
                                            .filter(f -> !f.equals(MANIFEST))
                                            .toList()));
        }
        files.put(file, content);
        files.put(
                MANIFEST,
                VERSION_LINE
                        .matcher(files.get(MANIFEST))
                        .replaceFirst(Matcher.quoteReplacement("version: " + newVersion)));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pallas-rulebook-");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            return new Version(Rulebook.load(dir), Map.copyOf(files));
        } catch (RulebookException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new FieldProblem("content", p))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static Map<String, String> shippedFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        String manifest = resource(MANIFEST);
        files.put(MANIFEST, manifest);
        Matcher m = FILE_LINE.matcher(manifest);
        while (m.find()) {
            files.put(m.group(1), resource(m.group(1)));
        }
        return files;
    }

    private static String resource(String name) {
        try (InputStream in = Rulebook.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing rulebook resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
