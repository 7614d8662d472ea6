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
              pallas-audit prove  (--url <base> | --dir <path>) --key <vkey> --record <file> [--index <n>]

            verify  checks the checkpoint signature, recomputes every tile and the root from the entries,
                    and checks consistency with the checkpoint saved by the previous run
                    (state directory, default ~/.pallas-audit).
            prove   shows that a ledger record (full record or public entry file) is in the log.
            <base>  the log's tlog-tiles prefix, e.g. https://pallas.example/ledger
            <vkey>  the log's verifier key, <name>+<hex8>+<base64>
            exit status: 0 verified, 1 not verified, 2 usage error
            """;

    private Audit() {
    }

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
        LogVerifier verifier = new LogVerifier(options.source(), options.keys(),
                options.command().equals("verify") ? options.state() : null);
        AuditReport report;
        if (options.command().equals("verify")) {
            report = verifier.verify();
        } else {
            byte[] record;
            try {
                record = Files.readAllBytes(options.record());
            } catch (IOException e) {
                err.println("pallas-audit: cannot read record file " + options.record() + ": " + e.getMessage());
                return USAGE;
            }
            report = verifier.prove(record, options.index());
        }
        out.print(report.render());
        return report.ok() ? OK : NOT_VERIFIED;
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    record Options(String command, LogSource source, List<NoteVerifier> keys, AuditState state, Path record,
            OptionalLong index) {

        static Options parse(String[] args) throws UsageException {
            if (args.length == 0 || !(args[0].equals("verify") || args[0].equals("prove"))) {
                throw new UsageException(args.length == 0 ? "no command" : "unknown command \"" + args[0] + "\"");
            }
            String command = args[0];
            String url = null;
            String dir = null;
            String stateDir = null;
            String record = null;
            String index = null;
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
            if ((url == null) == (dir == null)) {
                throw new UsageException("give exactly one of --url and --dir");
            }
            if (keys.isEmpty()) {
                throw new UsageException("--key is required");
            }
            if (command.equals("prove") && record == null) {
                throw new UsageException("prove needs --record <file>");
            }
            if (command.equals("verify") && (record != null || index != null)) {
                throw new UsageException("--record and --index belong to prove");
            }
            if (command.equals("prove") && stateDir != null) {
                throw new UsageException("--state belongs to verify");
            }
            LogSource source;
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
            } else {
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
            return new Options(command, source, keys, state, record == null ? null : Path.of(record), at);
        }
    }

}
