package org.pallas.ledger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.pallas.ledger.NoteFormatException;
import org.pallas.ledger.NoteVerifier;
import org.pallas.ledger.audit.AuditReport;
import org.pallas.ledger.audit.AuditState;
import org.pallas.ledger.audit.DirectoryLogSource;
import org.pallas.ledger.audit.HttpLogSource;
import org.pallas.ledger.audit.LogSource;
import org.pallas.ledger.audit.LogVerifier;

/**
 * The Pallas auditor: {@code java -jar pallas-audit.jar verify|prove ...}. Exit status 0 when everything
 * verifies, 1 when something does not (the report says exactly what), 2 for a usage error.
 */
public final class Audit {
    static final int OK = 0;
    static final int NOT_VERIFIED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage:
              pallas-audit verify (--url <base> | --dir <path>) --key <vkey> [--key <vkey>...] [--state <dir>]
              pallas-audit prove  (--url <base> | --dir <path>) --key <vkey> --record <file> [--index <n>] [--out <file>]
              pallas-audit check  --proof <file.tlog-proof> --key <vkey> --record <file>

            verify  checks the checkpoint signature, recomputes every tile and the root from the entries,
                    and checks consistency with the checkpoint saved by the previous run
                    (state directory, default ~/.pallas-audit).
            prove   shows that a ledger record (full record or public entry file) is in the log;
                    --out saves the proof as a C2SP tlog-proof for offline checking.
            check   checks a saved tlog-proof for a record offline, without the log.
            <base>  the log's tlog-tiles prefix, e.g. https://pallas.example/ledger
            <vkey>  the log's verifier key, <name>+<hex8>+<base64>
            exit status: 0 verified, 1 not verified, 2 usage error
            """;

    private Audit() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("pallas-audit: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        AuditReport report;
        try {
            report = switch (options.command()) {
                case "verify" -> new LogVerifier(options.source(), options.keys(), options.state()).verify();
                case "prove" ->
                    new LogVerifier(options.source(), options.keys(), null)
                            .prove(Files.readAllBytes(options.record()), options.index());
                default ->
                    LogVerifier.check(
                            Files.readAllBytes(options.proof()), Files.readAllBytes(options.record()), options.keys());
            };
            if (report.ok() && options.out() != null) {
                Files.write(options.out(), report.proof().encode());
                report = new AuditReport(
                        report.checkpoint(),
                        append(report.findings(), "tlog-proof written to " + options.out()),
                        report.problems(),
                        report.proof());
            }
        } catch (IOException e) {
            // Only local files are read here (record, proof, --out); problems with the log are in the report.
            err.println("pallas-audit: cannot use file: " + e);
            return USAGE;
        }
        out.print(report.render());
        return report.ok() ? OK : NOT_VERIFIED;
    }

    private static List<String> append(List<String> list, String line) {
        List<String> out = new ArrayList<>(list);
        out.add(line);
        return out;
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    record Options(
            String command,
            LogSource source,
            List<NoteVerifier> keys,
            AuditState state,
            Path record,
            OptionalLong index,
            Path proof,
            Path out) {

        static Options parse(String[] args) throws UsageException {
            if (args.length == 0 || !List.of("verify", "prove", "check").contains(args[0])) {
                throw new UsageException(args.length == 0 ? "no command" : "unknown command \"" + args[0] + "\"");
            }
            String command = args[0];
            String url = null;
            String dir = null;
            String stateDir = null;
            String record = null;
            String index = null;
            String proof = null;
            String out = null;
            List<NoteVerifier> keys = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new UsageException("option " + flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--url" -> url = value;
                    case "--dir" -> dir = value;
                    case "--state" -> stateDir = value;
                    case "--record" -> record = value;
                    case "--index" -> index = value;
                    case "--proof" -> proof = value;
                    case "--out" -> out = value;
                    case "--key" -> {
                        try {
                            keys.add(NoteVerifier.parse(value));
                        } catch (NoteFormatException e) {
                            throw new UsageException("--key: " + e.getMessage());
                        }
                    }
                    default -> throw new UsageException("unknown option " + flag);
                }
            }
            if (command.equals("check") ? url != null || dir != null : (url == null) == (dir == null)) {
                throw new UsageException(
                        command.equals("check")
                                ? "check works offline: no --url or --dir"
                                : "give exactly one of --url and --dir");
            }
            if (command.equals("check") != (proof != null)) {
                throw new UsageException(
                        command.equals("check") ? "check needs --proof <file>" : "--proof belongs to check");
            }
            if (index != null && command.equals("check")) {
                throw new UsageException("--index belongs to prove; a tlog-proof carries its index");
            }
            if (out != null && !command.equals("prove")) {
                throw new UsageException("--out belongs to prove");
            }
            if (keys.isEmpty()) {
                throw new UsageException("--key is required");
            }
            if (!command.equals("verify") && record == null) {
                throw new UsageException(command + " needs --record <file>");
            }
            if (command.equals("verify") && (record != null || index != null)) {
                throw new UsageException("--record and --index belong to prove and check");
            }
            if (!command.equals("verify") && stateDir != null) {
                throw new UsageException("--state belongs to verify");
            }
            LogSource source = null;
            if (url != null) {
                URI uri;
                try {
                    uri = URI.create(url);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--url: " + e.getMessage());
                }
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new UsageException("--url must be an http or https URL, got \"" + url + "\"");
                }
                source = HttpLogSource.of(uri);
            } else if (dir != null) {
                Path path = Path.of(dir);
                if (!Files.isDirectory(path)) {
                    throw new UsageException("--dir " + dir + " is not a directory");
                }
                source = new DirectoryLogSource(path);
            }
            OptionalLong at = OptionalLong.empty();
            if (index != null) {
                if (!index.matches("0|[1-9][0-9]{0,18}")) {
                    throw new UsageException("--index must be a non-negative decimal number, got \"" + index + "\"");
                }
                at = OptionalLong.of(Long.parseLong(index));
            }
            AuditState state = stateDir == null ? AuditState.inHome() : new AuditState(Path.of(stateDir));
            return new Options(
                    command,
                    source,
                    keys,
                    state,
                    record == null ? null : Path.of(record),
                    at,
                    proof == null ? null : Path.of(proof),
                    out == null ? null : Path.of(out));
        }
    }
}
