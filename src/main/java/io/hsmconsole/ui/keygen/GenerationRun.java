package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.TaskHandle;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.text.CreatedKeyText;
import io.hsmconsole.text.KeyPairText;
import io.hsmconsole.text.KmuPrinter;
import io.hsmconsole.ui.common.Messages;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One Generate: sends the accepted request (genSymKey or a pair's command) to the simulator in the
 * background, then shows what key_mgmt_util prints and what a roll-back means ({@link GenerationStatus}),
 * and hands the kept key to the window.
 */
final class GenerationRun {
    private final KeyController keys;
    private final Messages messages;
    private final int nodeCount;
    private final GenerationStatus status;
    private final LongConsumer onGenerated;
    private TaskHandle running = TaskHandle.DONE;

    GenerationRun(KeyController keys, Messages messages, int nodeCount, GenerationStatus status, LongConsumer onGenerated) {
        this.keys = keys;
        this.messages = messages;
        this.nodeCount = nodeCount;
        this.status = status;
        this.onGenerated = onGenerated;
    }

    /** {@code command}: the KMU command as previewed; {@code ended} learns whether a key was kept. */
    void start(Object request, String command, Consumer<Boolean> ended) {
        status.started();
        if (request instanceof KeyPairRequest pairRequest) {
            running = keys.pairs().generate(pairRequest, command, status::waiting, r -> ended.accept(pairFinished(pairRequest, r)));
        } else {
            GenSymKeyRequest keyRequest = (GenSymKeyRequest) request;
            running = keys.generate(keyRequest, command, status::waiting, r -> ended.accept(keyFinished(keyRequest, r)));
        }
    }

    /** Gives up waiting for -min_srv: the simulator rolls the key back and says so. */
    void cancel() {
        running.cancel();
    }

    private boolean keyFinished(GenSymKeyRequest requested, HsmResult<GeneratedKey> result) {
        // What genSymKey prints (the wait shows in the progress bar), then what a roll-back means.
        KmuPrinter printed = KmuPrinter.capturing();
        CreatedKeyText.print(printed, "Cfm3GenerateSymmetricKey", CreatedKeyText.GENERATED, result,
                result.value() == null ? null : requested.minServers(), false);
        GeneratedKey made = result.value();
        boolean rolledBack = made != null && made.rolledBack();
        if (made != null && !rolledBack) {
            onGenerated.accept(made.handle()); // kept even when its attestation failed, as KMU keeps it
        }
        status.finished(result, printed.printed(), rolledBack ? messages.format("keygen.result.rolledBack",
                made.handle()) : null, made == null ? "" : messages.format("keygen.result.created", made.handle(),
                GenerationStatus.heldBy(result), nodeCount));
        running = TaskHandle.DONE;
        return made != null && !rolledBack;
    }

    private boolean pairFinished(KeyPairRequest requested, HsmResult<GeneratedPair> result) {
        KmuPrinter printed = KmuPrinter.capturing();
        KeyPairText.generated(printed, result, result.value() == null ? null : requested.options().minServers(), false);
        GeneratedPair made = result.value();
        boolean rolledBack = made != null && made.rolledBack();
        if (made != null && !rolledBack) {
            onGenerated.accept(made.privateHandle()); // the half that signs: its inspector links the public one
        }
        status.finished(result, printed.printed(), rolledBack ? messages.format("keygen.result.pairRolledBack",
                made.publicHandle(), made.privateHandle()) : null, made == null ? ""
                : messages.format("keygen.result.pairCreated", made.publicHandle(), made.privateHandle(),
                GenerationStatus.heldBy(result), nodeCount));
        running = TaskHandle.DONE;
        return made != null && !rolledBack;
    }
}
