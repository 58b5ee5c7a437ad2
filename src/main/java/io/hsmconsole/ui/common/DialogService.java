package io.hsmconsole.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the console shows goes through here, so view models can be tested without windows. */
public interface DialogService {
    void showError(ErrorReport report);

    boolean confirm(String title, String message);

    /**
     * Asks before something that cannot be undone (deleting a key): the button that does it says so
     * ({@code action}), and Cancel is the default, so Enter alone never destroys anything.
     */
    default boolean confirmDestructive(String title, String message, String action) {
        return confirm(title, message);
    }

    /** Shows a message the user only reads and closes (help, about). */
    void inform(String title, String message);

    /** Asks where to save a file of the given kind; empty when the user cancels. */
    Optional<Path> chooseSaveFile(String title, String suggestedName, FileKind kind);

    /** Asks which existing file of the given kind to open; empty when the user cancels. */
    Optional<Path> chooseOpenFile(String title, FileKind kind);

    /** Asks for a folder to write several files into; empty when the user cancels. */
    Optional<Path> chooseFolder(String title);
}
