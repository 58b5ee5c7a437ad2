package io.hsmconsole.app;

import javafx.application.Application;

/**
 * Plain entry point for class-path launches ({@code java -cp ... ConsoleLauncher}): the JVM
 * refuses to start an {@link Application} subclass as main class when JavaFX is not on the module
 * path, so this class hands over to it.
 */
public final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    public static void main(String[] args) {
        Logging.forTools();
        Application.launch(ConsoleApp.class, args);
    }
}
