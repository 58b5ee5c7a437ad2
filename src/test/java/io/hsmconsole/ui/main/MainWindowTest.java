package io.hsmconsole.ui.main;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

/**
 * The window tests' common ground: the real main window (Monocle) over a demo cluster in a fresh data
 * folder, closed after each test. A test that needs keys first makes them in {@link #seed()}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class MainWindowTest {
    @TempDir
    Path dir;
    FxMainWindow main;
    Stage stage;

    /**
     * On the primary stage TestFX registered, on the FX thread. Not a {@code @Start} method: TestFX looks
     * for those only among the test class's own methods, not its superclass's.
     */
    @BeforeEach
    void openTheWindow() throws TimeoutException {
        FxToolkit.setupStage(primary -> {
            stage = primary;
            main = new FxMainWindow(dir, primary);
            seed();
        });
    }

    /** Keys the test starts with ({@code main.ownKey}); none by default. */
    void seed() {
    }

    @AfterEach
    void stop() {
        main.close();
    }
}
