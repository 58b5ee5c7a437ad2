package io.hsmconsole.ui.exchange;

import io.hsmconsole.controller.ClusterExchangeController;
import io.hsmconsole.controller.ExchangeOutcome;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * File → Import cluster: the chosen document becomes a new cluster under a name that must be valid
 * and free (checked as it is typed), opened with the passphrase it was exported under. A wrong
 * passphrase or a damaged document is said in words and creates nothing; the dialog stays open to
 * try again.
 */
public final class ImportClusterViewModel {
    private final ClusterExchangeController exchange;
    private final Messages messages;
    private final Path file;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty passphraseEntered = new SimpleBooleanProperty(this, "passphraseEntered");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private final StringBinding nameProblem;
    private final BooleanBinding canImport;

    public ImportClusterViewModel(ClusterExchangeController exchange, Messages messages, Path file) {
        this.exchange = exchange;
        this.messages = messages;
        this.file = file;
        name.set(exchange.suggestName(file));
        nameProblem = Bindings.createStringBinding(() -> switch (exchange.checkName(name.get().trim())) {
            case FREE -> "";
            case INVALID -> messages.get("exchange.name.invalid");
            case TAKEN -> messages.format("exchange.name.taken", name.get().trim());
        }, name);
        canImport = Bindings.createBooleanBinding(() -> !busy.get() && nameProblem.get().isEmpty()
                && passphraseEntered.get(), busy, nameProblem, passphraseEntered);
    }

    /**
     * Imports with this passphrase (the array is wiped before this returns); {@code onImported} gets
     * the new cluster's outcome when the simulator made it.
     */
    public void importCluster(char[] passphrase, Consumer<ExchangeOutcome> onImported) {
        if (!canImport.get()) {
            Arrays.fill(passphrase, '\0');
            return;
        }
        busy.set(true);
        String newName = name.get().trim();
        notice.set(Notice.info(messages.format("exchange.import.running", file.getFileName(), newName)));
        exchange.importCluster(file, passphrase, newName, outcome -> {
            busy.set(false);
            if (outcome.succeeded()) {
                nameProblem.invalidate(); // the name is taken now
                notice.set(Notice.info(done(outcome)));
                onImported.accept(outcome);
            } else {
                notice.set(Notice.error(messages.format("exchange.import.failed", outcome.problem()), ""));
            }
        });
    }

    /** {@code Cluster 'copy' was imported from demo.json: 3 nodes, 7 users, 2 keys.} */
    public String done(ExchangeOutcome outcome) {
        return messages.format("exchange.import.done", outcome.clusterName(), outcome.file().getFileName(),
                outcome.nodes(), outcome.users(), outcome.keys());
    }

    public String title() {
        return messages.get("exchange.import.title");
    }

    public String fileText() {
        return file.toString();
    }

    /** The new cluster's name: letters, digits, '_', '.', '-'. */
    public StringProperty nameProperty() {
        return name;
    }

    /** Why the name cannot be used (invalid, taken), or empty. */
    public StringBinding nameProblemProperty() {
        return nameProblem;
    }

    public BooleanProperty passphraseEnteredProperty() {
        return passphraseEntered;
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
