package io.hsmconsole.ui.console;

import io.hsmconsole.controller.ActionRecord;
import io.hsmconsole.controller.ConsoleController;
import io.hsmconsole.controller.ConsoleLanguage;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.text.CmuText;
import io.hsmconsole.text.KmuText;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console pane: a shell's transcript (key_mgmt_util or, switched, CloudHSM CLI), the command line
 * being typed with its history (Up/Down), password prompts answered without echo, and - so that the
 * GUI teaches the command line - every action of the windows written as the command that does the same.
 */
public final class ConsoleViewModel {
    /** The transcript keeps its last characters only, so a long session does not grow without end. */
    static final int MAX_TRANSCRIPT = 200_000;

    private final ConsoleController console;
    private final Messages messages;
    private final ReadOnlyStringWrapper transcript = new ReadOnlyStringWrapper(this, "transcript", "");
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final ReadOnlyBooleanWrapper secretWanted = new ReadOnlyBooleanWrapper(this, "secretWanted");
    private final ReadOnlyStringWrapper sessionStatus = new ReadOnlyStringWrapper(this, "sessionStatus", "");
    private final ReadOnlyStringWrapper statusBarText = new ReadOnlyStringWrapper(this, "statusBarText", "");
    private final ObjectProperty<ConsoleLanguage> language = new SimpleObjectProperty<>(this, "language");
    private final ReadOnlyStringWrapper commandPrompt = new ReadOnlyStringWrapper(this, "commandPrompt", "");
    private final List<String> history = new ArrayList<>();
    private int historyIndex;

    public ConsoleViewModel(ConsoleController console, Workspace workspace, Messages messages) {
        this.console = console;
        this.messages = messages;
        append(messages.format("console.banner", console.workDir()));
        language.set(console.language());
        commandPrompt.set(messages.get(promptKey(console.language())));
        showSessionUser(Optional.empty());
        language.addListener((obs, old, now) -> switchTo(now));
        workspace.addActionListener(this::fromTheWindows);
    }

    /** The pane's shell from now on: the running one ends with its session, the other starts (see ConsoleController.use). */
    private void switchTo(ConsoleLanguage next) {
        if (next == null) {
            language.set(console.language());
            return;
        }
        console.use(next);
        commandPrompt.set(messages.get(promptKey(next)));
        showSessionUser(Optional.empty());
        if (next == ConsoleLanguage.CLOUDHSM_CLI) {
            append(messages.get("console.cli.hint"));
        }
    }

    private static String promptKey(ConsoleLanguage l) {
        return l == ConsoleLanguage.CLOUDHSM_CLI ? "console.command.prompt.cli" : "console.command.prompt";
    }

    /** Which command line the pane runs; setting it switches the shell. */
    public ObjectProperty<ConsoleLanguage> languageProperty() {
        return language;
    }

    /** An example of the language's commands, for the empty command field. */
    public ReadOnlyStringProperty commandPromptProperty() {
        return commandPrompt.getReadOnlyProperty();
    }

    /** Starts the shell the first time the pane is shown. */
    public void start() {
        console.start(this::append, secretWanted::set, this::showSessionUser);
    }

    /** Runs what is typed; it joins the history (Up/Down walk it), with any password hidden. */
    public void submit() {
        String line = input.get() == null ? "" : input.get();
        String kept = console.withSecretsHidden(line);
        if (!line.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(kept))) {
            history.add(kept);
        }
        historyIndex = history.size();
        input.set("");
        console.submit(line);
    }

    /** Answers the shell's password prompt; the array becomes the shell's (it wipes it). */
    public void submitSecret(char[] secret) {
        console.submitSecret(secret);
    }

    public void historyUp() {
        if (historyIndex > 0) {
            input.set(history.get(--historyIndex));
        }
    }

    public void historyDown() {
        if (historyIndex < history.size() - 1) {
            input.set(history.get(++historyIndex));
        } else {
            historyIndex = history.size();
            input.set("");
        }
    }

    /** The pane's shell has its own session (as a second key_mgmt_util would): say whose, apart from the window's. */
    private void showSessionUser(Optional<UserInfo> user) {
        String tool = console.language().tool();
        sessionStatus.set(user.map(u -> messages.format("console.session", u.name(), u.type().name(), tool))
                .orElse(messages.format("console.session.none", tool)));
        statusBarText.set(user.map(u -> messages.format("status.console", u.name(), u.type().name())).orElse(""));
    }

    private void fromTheWindows(ActionRecord action) {
        // The tool's prompt and the command as a terminal echoes it, then the output byte for byte.
        append('\n' + messages.format("console.fromWindows", action.tool())
                + (ActionRecord.KMU.equals(action.tool()) ? KmuText.PROMPT : CmuText.PROMPT)
                + action.commandLine() + '\n' + action.output());
    }

    void append(String chunk) {
        String all = transcript.get() + chunk;
        transcript.set(all.length() > MAX_TRANSCRIPT ? all.substring(all.length() - MAX_TRANSCRIPT) : all);
    }

    public ReadOnlyStringProperty transcriptProperty() {
        return transcript.getReadOnlyProperty();
    }

    public StringProperty inputProperty() {
        return input;
    }

    /** True while the shell waits for a password (the view then shows a masked field). */
    public ReadOnlyBooleanProperty secretWantedProperty() {
        return secretWanted.getReadOnlyProperty();
    }

    /** Who the pane's own key_mgmt_util session belongs to, for the pane and the status bar. */
    public ReadOnlyStringProperty sessionStatusProperty() {
        return sessionStatus.getReadOnlyProperty();
    }

    /** For the window's status bar: whom the pane is logged in as; empty while it is not. */
    public ReadOnlyStringProperty statusBarTextProperty() {
        return statusBarText.getReadOnlyProperty();
    }

    public List<String> history() {
        return List.copyOf(history);
    }
}
