package io.hsmconsole.ui.trykey;

import io.hsmconsole.controller.KeyUseController;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.text.PublicKeyText;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.ErrorReport;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The outside check of a signature the HSM made: the OpenSSL command line that verifies it, and the
 * three files it reads (public key PEM, data, signature), saved into a folder the user picks.
 */
public final class OpenSslCheck {
    private final KeyUseController keyUse;
    private final Messages messages;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper(this, "command", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private byte[] publicKeyInfo;
    private byte[] data;
    private byte[] signature;

    OpenSslCheck(KeyUseController keyUse, Messages messages, DialogService dialogs) {
        this.keyUse = keyUse;
        this.messages = messages;
        this.dialogs = dialogs;
    }

    /** A signature was made: the line that checks it, and what to save for it. */
    void offer(SignMechanism mechanism, byte[] publicKeyInfo, byte[] data, byte[] signature) {
        this.publicKeyInfo = publicKeyInfo.clone();
        this.data = data.clone();
        this.signature = signature.clone();
        command.set(PublicKeyText.opensslVerify(mechanism));
        status.set(messages.format("trykey.openssl.hint", PublicKeyText.PUBLIC_KEY_FILE, PublicKeyText.DATA_FILE,
                PublicKeyText.SIGNATURE_FILE));
        available.set(true);
    }

    void clear() {
        publicKeyInfo = null;
        data = null;
        signature = null;
        command.set("");
        status.set("");
        available.set(false);
    }

    /** Asks for a folder, then writes the three files there (asking first before replacing any). */
    public void save() {
        if (available.get()) {
            dialogs.chooseFolder(messages.get("trykey.openssl.save.title")).ifPresent(this::saveTo);
        }
    }

    void saveTo(Path folder) {
        List<String> present = List.of(PublicKeyText.PUBLIC_KEY_FILE, PublicKeyText.DATA_FILE,
                PublicKeyText.SIGNATURE_FILE).stream().filter(name -> Files.exists(folder.resolve(name))).toList();
        if (!present.isEmpty() && !dialogs.confirm(messages.get("trykey.openssl.save.title"),
                messages.format("trykey.openssl.replace", String.join(", ", present), folder))) {
            return;
        }
        keyUse.saveForOpenSsl(folder, publicKeyInfo, data, signature,
                saved -> status.set(messages.format("trykey.openssl.saved", saved)),
                failure -> dialogs.showError(new ErrorReport(messages.get("trykey.openssl.save.title"),
                        messages.format("trykey.openssl.failed", folder), "", String.valueOf(failure))));
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** {@code openssl dgst -sha256 -verify public-key.pem -signature signature.bin data.bin}, or empty. */
    public ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }

    /** Where to run it, or where the files were saved. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
