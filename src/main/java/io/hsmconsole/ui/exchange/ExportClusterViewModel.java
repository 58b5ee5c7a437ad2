package io.hsmconsole.ui.exchange;

import io.hsmconsole.controller.ClusterExchangeController;
import io.hsmconsole.controller.ExchangeOutcome;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * File → Export cluster: the open cluster into the chosen file, under a passphrase typed twice.
 * The passphrase never lives here: the view reports how long it is and whether both fields agree,
 * and hands it over as a char array when Export is pressed.
 */
public final class ExportClusterViewModel {
    private final ClusterExchangeController exchange;
    private final Messages messages;
    private final Path file;
    private final String clusterName;
    private final IntegerProperty passphraseLength = new SimpleIntegerProperty(this, "passphraseLength");
    private final BooleanProperty passphrasesMatch = new SimpleBooleanProperty(this, "passphrasesMatch", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper exported = new ReadOnlyBooleanWrapper(this, "exported");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanBinding canExport;

    public ExportClusterViewModel(ClusterExchangeController exchange, Messages messages, Path file) {
        this.exchange = exchange;
        this.messages = messages;
        this.file = file;
        this.clusterName = exchange.openClusterName();
        int min = exchange.minPassphraseLength();
        problem.bind(Bindings.createStringBinding(() -> passphraseLength.get() == 0 ? ""
                : passphraseLength.get() < min ? messages.format("exchange.passphrase.short", min, passphraseLength.get())
                : !passphrasesMatch.get() ? messages.get("exchange.passphrase.differ") : "",
                passphraseLength, passphrasesMatch));
        canExport = Bindings.createBooleanBinding(() -> !busy.get() && !exported.get() && passphraseLength.get() >= min
                && passphrasesMatch.get(), busy, exported, passphraseLength, passphrasesMatch);
    }

    /** What the view reads off its two masked fields after every keystroke. */
    public void passphraseTyped(int length, boolean bothAgree) {
        passphraseLength.set(length);
        passphrasesMatch.set(bothAgree);
    }

    /** Exports under this passphrase (the array is wiped before this returns). */
    public void export(char[] passphrase) {
        if (!canExport.get()) {
            Arrays.fill(passphrase, '\0');
            return;
        }
        busy.set(true);
        notice.set(Notice.info(messages.format("exchange.export.running", clusterName, file.getFileName())));
        exchange.export(file, passphrase, this::finished);
    }

    private void finished(ExchangeOutcome outcome) {
        busy.set(false);
        if (outcome.succeeded()) {
            exported.set(true);
            notice.set(Notice.info(messages.format("exchange.export.done", outcome.clusterName(),
                    file.getFileName(), outcome.nodes(), outcome.users(), outcome.keys())));
        } else {
            notice.set(Notice.error(messages.format("exchange.export.failed", outcome.problem()), ""));
        }
    }

    public String title() {
        return messages.format("exchange.export.title", clusterName);
    }

    public String heading() {
        return messages.format("exchange.export.heading", clusterName);
    }

    public String fileText() {
        return file.toString();
    }

    public String passphraseHint() {
        return messages.format("exchange.export.hint", exchange.minPassphraseLength());
    }

    /** Why Export is not possible yet (too short, the two differ), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the document is written: the dialog then only closes. */
    public ReadOnlyBooleanProperty exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
