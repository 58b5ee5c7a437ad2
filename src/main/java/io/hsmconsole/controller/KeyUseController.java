package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.text.KeyUseText;
import io.hsmconsole.text.PublicKeyText;

import java.nio.file.Path;

import java.util.function.Consumer;

/**
 * Using a key on data ("try the key"): AES key wrap and unwrap of host data, HMAC and key-pair sign
 * and verify, and the files that let OpenSSL check a signature outside the console,
 * each one simulator call in the background and written to the console pane as the key_mgmt_util
 * command it equals. The simulator decides everything (type, attributes, quorum); a refusal comes
 * back as the result.
 */
public final class KeyUseController {
    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;

    public KeyUseController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
    }

    /** {@code aesWrapUnwrap -m 1|0}: wraps ({@code wrap}) or unwraps {@code data}; {@code iv} null for the default. */
    public TaskHandle aesWrapUnwrap(long handle, boolean wrap, byte[] data, byte[] iv, Consumer<HsmResult<byte[]>> done) {
        return runner.run(BackgroundWork.named("aesWrapUnwrap", p ->
                workspace.requireSession().crypto().aesWrapUnwrap(handle, wrap, data, iv), onError).onSuccess(result -> {
                    // The panel keeps the result in the window: "written" to the placeholder file when it succeeded.
                    workspace.record(ActionRecord.kmu(KeyUseText.aesWrapUnwrapCommand(handle, wrap, iv), out -> {
                        if (iv == null) {
                            KeyUseText.defaultIvWarning(out);
                        }
                        KeyUseText.aesWrapUnwrap(out, wrap, result, KeyUseText.RESULT_FILE, result.isSuccess());
                    }));
                    done.accept(result);
                }));
    }

    /** {@code sign}: the HMAC of {@code data}. */
    public TaskHandle sign(long handle, SignMechanism mechanism, byte[] data, Consumer<HsmResult<byte[]>> done) {
        return runner.run(BackgroundWork.named("sign", p -> workspace.requireSession().crypto().sign(handle, mechanism, data),
                onError).onSuccess(result -> {
                    workspace.record(ActionRecord.kmu(KeyUseText.signCommand(handle, mechanism),
                            out -> KeyUseText.sign(out, result, KeyUseText.SIGNATURE_FILE, result.isSuccess())));
                    done.accept(result);
                }));
    }

    /** {@code verify}: success when {@code signature} is the HMAC of {@code data}. */
    public TaskHandle verify(long handle, SignMechanism mechanism, byte[] data, byte[] signature,
                             Consumer<HsmResult<Void>> done) {
        return runner.run(BackgroundWork.named("verify", p ->
                workspace.requireSession().crypto().verify(handle, mechanism, data, signature), onError).onSuccess(result -> {
                    workspace.record(ActionRecord.kmu(KeyUseText.verifyCommand(handle, mechanism),
                            out -> KeyUseText.verify(out, result)));
                    done.accept(result);
                }));
    }

    /**
     * Writes what {@code openssl dgst -verify} needs beside each other in {@code folder}: the public
     * key ({@link PublicKeyText#PUBLIC_KEY_FILE}), the signed data and the signature, each file whole
     * and owner-only. {@code done} gets the folder, or the failure (nothing half-written).
     */
    public TaskHandle saveForOpenSsl(Path folder, byte[] publicKeyInfo, byte[] data, byte[] signature,
                                     Consumer<Path> done, Consumer<Throwable> failed) {
        return runner.run(BackgroundWork.named("save for openssl", p -> {
            OwnerOnly.writeWhole(folder.resolve(PublicKeyText.PUBLIC_KEY_FILE), PublicKeyText.publicPemBytes(publicKeyInfo));
            OwnerOnly.writeWhole(folder.resolve(PublicKeyText.DATA_FILE), data);
            OwnerOnly.writeWhole(folder.resolve(PublicKeyText.SIGNATURE_FILE), signature);
            return folder;
        }, onError).onSuccess(done).onFailure(failed));
    }
}
