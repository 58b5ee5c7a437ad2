package io.hsmconsole.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * JavaFX dialogs: alerts with expandable details, confirmations, messages, and the platform's file
 * chooser. Every one is themed and owned by the console's window (when there is one).
 */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Messages messages;
    private final Themes themes;

    public FxDialogService(Supplier<Window> owner, Messages messages, Themes themes) {
        this.owner = owner;
        this.messages = messages;
        this.themes = themes;
    }

    @Override
    public void showError(ErrorReport report) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle(report.title());
        alert.setHeaderText(report.title());
        Label sentence = new Label(report.sentence());
        sentence.setWrapText(true);
        sentence.setId("errorSentence");
        Label code = new Label(report.codeLine());
        code.setWrapText(true);
        code.setId("errorCode");
        VBox content = new VBox(8, sentence, code);
        content.setMaxWidth(520);
        alert.getDialogPane().setContent(content);
        TextArea details = new TextArea(report.details());
        details.setEditable(false);
        details.setWrapText(true);
        details.getStyleClass().add("mono");
        details.setAccessibleText(messages.get("error.details"));
        alert.getDialogPane().setExpandableContent(details);
        themes.register(alert.getDialogPane().getScene());
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        themes.register(alert.getDialogPane().getScene());
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public boolean confirmDestructive(String title, String message, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, act, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        // Cancel is the default button (Enter) and has the focus; the destructive one must be chosen.
        ((Button) alert.getDialogPane().lookupButton(act)).setDefaultButton(false);
        Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        alert.setOnShown(e -> cancel.requestFocus());
        themes.register(alert.getDialogPane().getScene());
        return alert.showAndWait().filter(b -> b == act).isPresent();
    }

    @Override
    public void inform(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        themes.register(alert.getDialogPane().getScene());
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, FileKind kind) {
        FileChooser chooser = chooser(title, kind);
        chooser.setInitialFileName(suggestedName);
        File chosen = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, FileKind kind) {
        File chosen = chooser(title, kind).showOpenDialog(owner.get());
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        startFolder(Path.of(System.getProperty("user.home"))).ifPresent(f -> chooser.setInitialDirectory(f.toFile()));
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    /**
     * Where a file chooser opens: the user's Documents folder when there is one, else their home -
     * not the folder the console happened to be started from.
     */
    static Optional<Path> startFolder(Path home) {
        Path documents = home.resolve("Documents");
        if (java.nio.file.Files.isDirectory(documents)) {
            return Optional.of(documents);
        }
        return java.nio.file.Files.isDirectory(home) ? Optional.of(home) : Optional.empty();
    }

    /** The kind's filter first (selected), then every file, so a document saved under another name still opens. */
    private FileChooser chooser(String title, FileKind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        startFolder(Path.of(System.getProperty("user.home"))).ifPresent(f -> chooser.setInitialDirectory(f.toFile()));
        if (kind.filters()) {
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(kind.description(), kind.patterns()),
                    new FileChooser.ExtensionFilter(messages.get("file.kind.all"), "*"));
        }
        return chooser;
    }
}
