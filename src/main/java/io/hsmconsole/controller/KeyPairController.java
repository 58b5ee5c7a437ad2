package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.PairFacts;
import io.hsmconsole.text.KeyPairText;
import io.hsmconsole.text.KeySyncProgress;
import io.hsmconsole.text.KmuPrinter;

import java.util.List;
import java.util.function.Consumer;

/**
 * The console's key-pair use cases ({@link KeyController#pairs()}): the form's pre-flight and
 * genRSAKeyPair/genECCKeyPair in the background, and one half's facts for the inspector. The rules
 * are the simulator's ({@code session.pairs()}); this only asks and ties refusals to form fields.
 */
public final class KeyPairController {
    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final Runnable changed;

    KeyPairController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError, Runnable changed) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
        this.changed = changed;
    }

    /** Every reason the simulator would refuse this pair now, each tied to its form field, in the HSM's order. */
    public TaskHandle check(KeyPairRequest request, Consumer<List<GenSymKeyProblem>> done) {
        return runner.run(BackgroundWork.named("check key pair", p -> workspace.requireSession().pairs()
                .checkKeyPair(request).stream()
                .map(code -> new GenSymKeyProblem(GenSymKeyField.ofPair(code, request.type()), code)).toList(), onError)
                .onSuccess(done));
    }

    /**
     * genRSAKeyPair / genECCKeyPair in the background, written to the console pane as
     * {@code commandLine}; while it waits for {@code -min_srv} it reports progress, and cancelling
     * the handle makes the simulator roll the pair back.
     */
    public TaskHandle generate(KeyPairRequest request, String commandLine, Consumer<SyncProgress> progress,
                               Consumer<HsmResult<GeneratedPair>> done) {
        KmuPrinter printer = KmuPrinter.capturing();
        return runner.run(BackgroundWork.<HsmResult<GeneratedPair>>named("generate key pair", sink -> {
                    HsmSession session = workspace.requireSession();
                    KeySyncProgress printed = new KeySyncProgress(printer, session, KeyPairText.PAIR_CREATED);
                    WaitingNodes missing = new WaitingNodes(session, workspace.cluster().nodeIds());
                    HsmResult<GeneratedPair> result = session.pairs().generateKeyPair(request,
                            new FormSyncObserver(printed, missing, runner, progress, sink::isCancelled));
                    KeyPairText.generated(printer, result, request.options().minServers(), printed.announced());
                    return result;
                }, onError)
                .onSuccess(result -> {
                    workspace.record(new ActionRecord(ActionRecord.KMU, commandLine, printer.printed()));
                    if (result.value() != null && !result.value().rolledBack()) {
                        changed.run();
                    }
                    done.accept(result);
                }));
    }

    /** The pair facts of the key with this handle (its public key, size or curve, other half): a display read. */
    public TaskHandle facts(long handle, Consumer<HsmResult<PairFacts>> done) {
        return runner.run(BackgroundWork.named("pair facts", p -> workspace.requireSession().pairs().facts(handle),
                onError).onSuccess(done));
    }
}
