package io.hsmconsole.app;

import io.hsmconsole.hsm.HsmClock;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The real console window in a TestFX test: started over a fresh data directory (on the clock the
 * test chooses), logged in with the keyboard as a user does, its windows found by title, and
 * stopped with its data directory removed.
 */
final class RealConsole {
    final Path dataDir;
    final ConsoleApp app;

    private RealConsole(Path dataDir, ConsoleApp app) {
        this.dataDir = dataDir;
        this.app = app;
    }

    static RealConsole start(String name, HsmClock clock) throws IOException, TimeoutException {
        return start(name, clock, List.of(), () -> {
            throw new AssertionError("the console quit");
        });
    }

    /**
     * With more launch arguments after {@code --data-dir} (a later {@code --data-dir} wins) and what
     * quitting from the start-up Open cluster dialog does instead of ending the JavaFX platform.
     */
    static RealConsole start(String name, HsmClock clock, List<String> moreArguments, Runnable quit)
            throws IOException, TimeoutException {
        Path dataDir = Files.createTempDirectory(name);
        List<String> arguments = new java.util.ArrayList<>(List.of("--data-dir", dataDir.toString()));
        arguments.addAll(moreArguments);
        FxToolkit.registerPrimaryStage();
        ConsoleApp app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(clock, arguments, quit));
        return new RealConsole(dataDir, app);
    }

    /** Ctrl+L, the user name, Tab, the password, Enter: returns once the login window is gone or refused. */
    static void logInWithTheKeyboard(FxRobot robot, String user, String password, Runnable waitForLogInWindow) {
        robot.push(KeyCode.CONTROL, KeyCode.L);
        waitForLogInWindow.run();
        robot.targetWindow(window("Log in").orElseThrow()); // where TestFX sends typed characters
        robot.write(user);
        robot.push(KeyCode.TAB);
        robot.write(password);
        robot.push(KeyCode.ENTER);
    }

    /** The showing window whose title starts so (the main window's is "HSM Key Console — demo"). */
    static Optional<Window> window(String titleStart) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titleStart) && w.isShowing()).findFirst();
    }

    void stop() throws TimeoutException, IOException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
