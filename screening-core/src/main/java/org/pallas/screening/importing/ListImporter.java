package org.pallas.screening.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.pallas.screening.ImportProgress;
import org.pallas.screening.ImportReport;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ListVersion;

/**
 * Imports a list file (or the three OFAC files) into a complete {@link ListVersion}, with an
 * {@link ImportReport}. The import either completes or throws {@link ListImportException}; it never
 * yields half a list. Progress goes to the callback every 1,000 entries and to the log every 25%.
 */
public final class ListImporter {
    private static final System.Logger LOG = System.getLogger(ListImporter.class.getName());

    private final Clock clock;
    private final ImportProgress progress;

    public ListImporter(Clock clock, ImportProgress progress) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** A file or stream to import, under the name the report will use. */
    public record Input(String name, long size, Supplier<InputStream> open) {
        public static Input of(Path path) {
            long size;
            try {
                size = Files.size(path);
            } catch (IOException e) {
                size = -1;
            }
            return new Input(path.getFileName().toString(), size, () -> {
                try {
                    return Files.newInputStream(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        public static Input of(String name, byte[] content) {
            return new Input(name, content.length, () -> new java.io.ByteArrayInputStream(content));
        }
    }

    /** Imports files whose publication date is stated in them (or derivable from their rows). */
    public ListVersion importList(ListFormat format, String source, List<Path> files) throws ListImportException {
        return importInputs(format, source, null, files.stream().map(Input::of).toList());
    }

    /**
     * Imports a list; {@code publishedOn} is the publication date when the files do not state one
     * (OFAC legacy CSV), or null to use the date stated in the files.
     */
    public ListVersion importInputs(ListFormat format, String source, LocalDate publishedOn, List<Input> inputs)
            throws ListImportException {
        Instant started = clock.instant();
        ImportReport.Builder report = new ImportReport.Builder(source, format.name(), started);
        long total = inputs.stream().mapToLong(Input::size).reduce(0, (a, b) -> a < 0 || b < 0 ? -1 : a + b);
        long[] read = {0};
        int[] logged = {0};
        List<ListEntry> entries = new ArrayList<>();
        List<HashingInputStream> streams = new ArrayList<>();
        try {
            List<ListParser.NamedInput> named = new ArrayList<>();
            for (Input input : inputs) {
                HashingInputStream hashing = new HashingInputStream(
                        new BufferedInputStream(input.open().get(), 1 << 16), n -> read[0] += n);
                streams.add(hashing);
                // Parsers (StAX) may close their stream at the end; the hash must still read what is left.
                named.add(new ListParser.NamedInput(input.name(), new java.io.FilterInputStream(hashing) {
                    @Override
                    public void close() {
                        // closed by the importer once the hash is complete
                    }
                }));
            }
            parser(format).parse(named, report, entry -> {
                entries.add(entry);
                report.countEntry(entry);
                if (entries.size() % 1000 == 0) {
                    progress.progress(source, read[0], total, entries.size());
                    int quarter = total > 0 ? (int) (4 * read[0] / total) : 0;
                    if (quarter > logged[0]) {
                        logged[0] = quarter;
                        LOG.log(
                                System.Logger.Level.INFO,
                                "importing {0}: {1}% ({2} entries)",
                                source,
                                25 * quarter,
                                entries.size());
                    }
                }
            });
            for (int i = 0; i < inputs.size(); i++) {
                HashingInputStream s = streams.get(i);
                String sha = s.finishHex();
                report.file(inputs.get(i).name(), s.bytes(), sha);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ListImportException(
                    "import of " + source + " failed: " + e.getMessage(), report.build(clock.instant()), e);
        } finally {
            for (HashingInputStream s : streams) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // nothing more to do: the import result is already decided
                }
            }
        }
        if (publishedOn != null) {
            report.publishedOn(publishedOn);
        }
        ImportReport done = report.build(clock.instant());
        if (entries.isEmpty()) {
            throw new ListImportException(
                    "import of " + source + " read no entries; the version in use stays", done, null);
        }
        progress.progress(source, read[0], total, entries.size());
        LOG.log(
                System.Logger.Level.INFO,
                "imported {0}: {1} entries, {2} malformed rows",
                source,
                entries.size(),
                done.malformations().size());
        return new ListVersion(source, done, entries);
    }

    private static ListParser parser(ListFormat format) {
        return switch (format) {
            case OFAC_LEGACY_CSV -> new OfacLegacyParser();
            case UN_SC_XML -> new UnConsolidatedParser();
            case BIS_DPL_TSV -> new DeniedPersonsParser();
            case US_CSL_CSV -> new ConsolidatedScreeningListParser();
            case FTM_JSON_LINES -> new FollowTheMoneyParser();
            case PROJECT_CSV -> new ProjectCsvParser();
        };
    }
}
