package io.hsmconsole.controller;

import io.hsmconsole.hsm.AuditLog;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.audit.AuditChain;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.text.AuditFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The open cluster's audit log: reading its records (all, or only those after the last one seen),
 * verifying its hash chain, and exporting records. The log is the simulator's; reading it first
 * commits what this process has buffered, so the console sees its own last commands.
 */
public final class AuditController {
    /** Records per read: the log is read in pages so a long log does not need one huge query. */
    static final int PAGE = 5_000;

    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;

    public AuditController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
    }

    /** Every record after {@code afterSeq} (0 for the whole log), oldest first. */
    public TaskHandle recordsAfter(long afterSeq, Consumer<List<AuditRow>> done) {
        return runner.run(BackgroundWork.named("read audit log", p -> read(afterSeq), onError).onSuccess(done));
    }

    List<AuditRow> read(long afterSeq) {
        if (!workspace.hasCluster()) {
            return List.of(); // still opening at start-up: nothing to read yet
        }
        AuditLog log = workspace.cluster().auditLog();
        List<AuditRow> rows = new ArrayList<>();
        long after = afterSeq;
        List<AuditRecord> page;
        do {
            page = log.records(after, PAGE);
            for (AuditRecord r : page) {
                rows.add(row(r));
                after = r.seq();
            }
        } while (page.size() == PAGE);
        return rows;
    }

    private static AuditRow row(AuditRecord r) {
        String text = ReturnCode.fromCode(r.resultCode()).map(ReturnCode::text)
                .orElse("unknown return code");
        return new AuditRow(r, text);
    }

    /**
     * Walks the whole chain and reports whether it is intact or where it first breaks. Only while a
     * cluster is open (see {@link Workspace#hasCluster()}).
     */
    public TaskHandle verify(Consumer<AuditCheck> done) {
        return runner.run(BackgroundWork.named("verify audit log", p -> {
            AuditChain.Verification v = workspace.cluster().auditLog().verify();
            return new AuditCheck(v.intact(), v.brokenAtSeq(), v.reason(), v.recordsChecked());
        }, onError).onSuccess(done));
    }

    /** Writes the rows to the file in the format, all or nothing, and says how it went. */
    public TaskHandle export(List<AuditRow> rows, Path file, AuditFormat format,
                             Consumer<AuditExport.Outcome> done) {
        List<AuditRow> copy = List.copyOf(rows);
        return runner.run(BackgroundWork.named("export audit log", p -> AuditExport.export(copy, file, format), onError)
                .onSuccess(done));
    }
}
