package io.hsmconsole.shell.admin;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.audit.AuditChain;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.text.AuditFormat;
import io.hsmconsole.store.OwnerOnly;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code key_mgmt_util audit …} (simulator only): verifies the cluster's hash-chained audit log and
 * prints or exports it as CSV or JSON Lines, for scripts and other tools.
 */
public final class AuditTool {
    public static final String HELP = """

            Description
            ===========
            Simulator only, not an AWS CloudHSM command: the cluster's audit log. Every command that reached
            the simulated HSM is recorded (time, node, user, command, arguments without secrets, result),
            each record hash-chained to the one before, so a changed or removed record is found.

            Syntax: key_mgmt_util [--cluster NAME] audit verify
                    key_mgmt_util [--cluster NAME] audit print [csv|jsonl]
                    key_mgmt_util [--cluster NAME] audit export <file> [csv|jsonl]

            Where: verify  checks the whole chain: intact, or the first broken record and why (exit 1)
                   print   writes the log to standard output (default csv)
                   export  writes the log to a file (format from the name: .jsonl/.json JSON Lines, else
                           CSV), replacing it whole
                   csv     a header line, then one line per record (RFC 4180 quoting)
                   jsonl   one JSON object per record (JSON Lines)

            """;
    private static final int PAGE = 5_000;

    private final HsmCluster cluster;
    private final PrintWriter out;
    private final Path workDir;

    public AuditTool(HsmCluster cluster, PrintWriter out, Path workDir) {
        this.cluster = cluster;
        this.out = out;
        this.workDir = workDir;
    }

    public ExitStatus run(List<String> args) {
        if (args.equals(List.of("-h"))) {
            out.print(HELP);
            return ExitStatus.SUCCESS;
        }
        if (args.equals(List.of("verify"))) {
            return verify();
        }
        if (!args.isEmpty() && args.get(0).equals("print") && args.size() <= 2) {
            Optional<AuditFormat> format = args.size() == 2 ? AuditFormat.named(args.get(1)) : Optional.of(AuditFormat.CSV);
            return format.isEmpty() ? usage("the format is csv or jsonl") : print(format.get());
        }
        if (!args.isEmpty() && args.get(0).equals("export") && args.size() >= 2 && args.size() <= 3) {
            Optional<AuditFormat> format = args.size() == 3 ? AuditFormat.named(args.get(2))
                    : Optional.of(AuditFormat.forFile(args.get(1)));
            return format.isEmpty() ? usage("the format is csv or jsonl") : export(args.get(1), format.get());
        }
        return usage("use audit verify, audit print [csv|jsonl] or audit export <file> [csv|jsonl]");
    }

    private ExitStatus verify() {
        AuditChain.Verification v = cluster.auditLog().verify();
        if (v.intact()) {
            out.printf("%n\tAudit log of cluster '%s' is intact: %d records, each chained to the one before.%n",
                    cluster.name(), v.recordsChecked());
            return ExitStatus.SUCCESS;
        }
        out.printf("%n\tAudit log of cluster '%s' is BROKEN at record %d: %s.%n", cluster.name(), v.brokenAtSeq(),
                v.reason());
        long good = v.recordsChecked();
        out.printf("\t%s%n", good == 0 ? "No record before it verifies." : good == 1 ? "Record 1 verifies."
                : "Records 1 to " + good + " verify.");
        return ExitStatus.ERROR;
    }

    private ExitStatus print(AuditFormat format) {
        try {
            write(format, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a PrintWriter does not throw", e);
        }
        return ExitStatus.SUCCESS;
    }

    private ExitStatus export(String name, AuditFormat format) {
        Path file = workDir.resolve(name);
        long[] records = new long[1];
        try {
            OwnerOnly.writeWholeText(file, w -> records[0] = write(format, w));
        } catch (IOException e) {
            out.printf("%n\tError: cannot write %s: %s%n", name, e.getMessage());
            return ExitStatus.ERROR;
        }
        out.printf("%n\tAudit log of cluster '%s' exported to %s: %d records (%s).%n", cluster.name(), name, records[0],
                format == AuditFormat.CSV ? "CSV" : "JSON Lines");
        return ExitStatus.SUCCESS;
    }

    /** Writes every record, page by page, so a long log never sits in memory whole. */
    private long write(AuditFormat format, Appendable target) throws IOException {
        target.append(format.header());
        long after = 0;
        long count = 0;
        List<AuditRecord> page;
        do {
            page = cluster.auditLog().records(after, PAGE);
            for (AuditRecord r : page) {
                target.append(format.line(r));
                after = r.seq();
                count++;
            }
        } while (page.size() == PAGE);
        return count;
    }

    private ExitStatus usage(String problem) {
        out.printf("%n\tError: %s%n", problem);
        out.print(HELP);
        return ExitStatus.USAGE;
    }
}
