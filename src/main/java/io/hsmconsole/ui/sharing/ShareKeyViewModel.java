package io.hsmconsole.ui.sharing;

import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Sharing an existing key: the picker starts with the key's current users; applying shares with
 * the newly ticked and unshares the unticked, through the simulator, which refuses anyone but the
 * owner (and session or quorum keys) - that refusal is shown as it comes.
 */
public final class ShareKeyViewModel {
    private final KeyDetails key;
    private final KeyController keys;
    private final Messages messages;
    private final DialogService dialogs;
    private final SharingViewModel sharing;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public ShareKeyViewModel(KeyDetails key, KeyController keys, Messages messages, DialogService dialogs) {
        this.key = key;
        this.keys = keys;
        this.messages = messages;
        this.dialogs = dialogs;
        this.sharing = new SharingViewModel(messages);
        sharing.offer(keys.shareCandidates());
        sharing.checkOnly(key.sharedWith());
    }

    public String heading() {
        return messages.format("share.heading", key.handle());
    }

    public String title() {
        return messages.format("share.title", key.handle());
    }

    public String note() {
        return key.ownedByMe() ? messages.get("share.note.owner")
                : messages.format("share.note.notOwner", key.owner().toString());
    }

    public SharingViewModel sharing() {
        return sharing;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Applies the ticks; {@code onApplied} runs when the simulator accepted all of them. */
    public void apply(Runnable onApplied) {
        busy.set(true);
        keys.setSharing(key.handle(), sharing.checkedIds(), result -> {
            busy.set(false);
            if (result.isSuccess()) {
                onApplied.run();
            } else {
                dialogs.showError(new HsmErrors(messages).report("shareKey", result));
            }
        });
    }
}
