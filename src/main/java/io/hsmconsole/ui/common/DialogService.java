package io.hsmconsole.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the console shows goes through here, so view models can be tested without windows. */
public interface DialogService {
    void showError(ErrorReport report);

    boolean confirm(String title, String message);

    /** Asks where to save a file; empty when the user cancels. */
    Optional<Path> chooseSaveFile(String title, String suggestedName);

    /** Asks which existing file to open; empty when the user cancels. */
    Optional<Path> chooseOpenFile(String title);
}
