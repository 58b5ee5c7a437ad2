package io.hsmconsole.app;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.TestFiles;
import io.hsmconsole.store.sqlite.SqliteBackend;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What the screenshot tours ({@link ScreenshotTour}, {@link PairScreenshotTour}) share: a fresh data
 * folder whose demo cluster the tour seeds through the simulator, the real console started over it
 * on a real display, the keyboard login, finding windows by title, waiting for the FX thread, placing
 * a window, and ImageMagick's {@code import} of a window's area (or of the screen's top-left corner)
 * as a 128-colour PNG in {@code -Dscreenshots.dir}.
 */
final class TourFixture {
    final FxRobot robot = new FxRobot();
    final Path out;
    final Path dataDir;
    private final ConsoleApp app;

    private TourFixture(Path out, Path dataDir, ConsoleApp app) {
        this.out = out;
        this.dataDir = dataDir;
        this.app = app;
    }

    /** A data folder named after the tour, its demo cluster seeded by {@code seed}, and the console on it. */
    /** {@code moreArguments} follow the data folder on the console's command line (a {@code --store}, say). */
    static TourFixture start(String name, Consumer<HsmCluster> seed, String... moreArguments) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        Path dataDir = Files.createTempDirectory(name);
        try (HsmCluster cluster = catalog(dataDir).openOrCreateDemo()) {
            seed.accept(cluster);
        }
        FxToolkit.registerPrimaryStage();
        String[] arguments = java.util.stream.Stream.concat(java.util.stream.Stream.of("--data-dir", dataDir.toString()),
                java.util.stream.Stream.of(moreArguments)).toArray(String[]::new);
        ConsoleApp app = (ConsoleApp) FxToolkit.setupApplication(ConsoleApp.class, arguments);
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        return new TourFixture(out, dataDir, app);
    }

    /** The tour's clusters on SQLite, as another process (a script) would open them. */
    static ClusterCatalog catalog(Path dataDir) {
        return new ClusterCatalog(new SqliteBackend(), new DataDirectory(dataDir), HsmClock.SYSTEM);
    }

    ClusterCatalog catalog() {
        return catalog(dataDir);
    }

    /** A demo user's session straight on the simulator, for seeding. */
    static HsmSession login(HsmCluster cluster, String user, String password) {
        return cluster.login(LoginChannel.CONSOLE, UserType.CU, user, password.toCharArray()).value();
    }

    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        TestFiles.deleteTree(dataDir);
    }

    /** Ctrl+L, the user, Tab, the password; Enter unless {@code before} (a picture of the filled dialog) comes first. */
    void logIn(String user, String password, Runnable beforeEnter) {
        robot.push(KeyCode.CONTROL, KeyCode.L);
        waitUntil("the login dialog", () -> isShowing("Log in"));
        robot.targetWindow(window("Log in"));
        robot.write(user);
        robot.push(KeyCode.TAB);
        robot.write(password);
        beforeEnter.run();
        robot.push(KeyCode.ENTER);
        waitUntil("the login dialog to close", () -> !isShowing("Log in"));
        pause(1500);
    }

    static void pause(long millis) {
        WaitForAsyncUtils.sleep(millis, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits, up to two minutes, until {@code condition} (read on the FX thread) holds: the machine that
     * makes the screenshots may be busy, and a fixed pause is either too short there or too long here.
     */
    static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            try { // the screen as it was, to see what the tour waited for
                new ProcessBuilder("import", "-window", "root", System.getProperty("java.io.tmpdir") + "/tour-timeout.png")
                        .inheritIO().start().waitFor();
            } catch (Exception ignored) {
                // the assertion below says what was awaited
            }
            throw new AssertionError("waited two minutes for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static boolean isShowing(String titleStart) {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titleStart) && w.isShowing());
    }

    static Window window(String titleStart) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titleStart) && w.isShowing()).findFirst()
                .orElseThrow(() -> new AssertionError("no window " + titleStart));
    }

    /** Moves the stage to the screen's top-left corner at this size. */
    void place(Stage stage, double width, double height) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        pause(1200);
    }

    /** The window's area of the X screen, as ImageMagick's import sees it. */
    void shoot(String name, Window window) {
        shoot(name, (int) window.getWidth(), (int) window.getHeight(), (int) Math.max(0, window.getX()),
                (int) Math.max(0, window.getY()));
    }

    /** The screen's area of this size from its top-left corner (a small screen, whatever windows it shows). */
    void shootScreen(String name, int width, int height) {
        shoot(name, width, height, 0, 0);
    }

    private void shoot(String name, int width, int height, int x, int y) {
        String crop = String.format("%dx%d+%d+%d", width, height, x, y);
        Path file = out.resolve(name);
        try {
            // 128 colours without dithering: text stays crisp and the PNG a third of the size.
            Process p = new ProcessBuilder("import", "-window", "root", "-crop", crop, "+repage", "-dither", "None",
                    "-colors", "128", "PNG8:" + file).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new AssertionError("import failed for " + name);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("screenshot " + name + ": cannot run ImageMagick's import", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("screenshot " + name + " interrupted", e);
        }
        System.out.println("screenshot " + file + " " + crop);
    }
}
