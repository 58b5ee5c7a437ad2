package io.hsmconsole.app;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the README's key-pair screenshots (issue 15), each at 1280x800 and at 900x600 - the key
 * form making an RSA pair with a wrong exponent explained, a private key in the inspector with its
 * public key, and "Try the key" signing with the OpenSSL line. As {@link ScreenshotTour}, only with
 * {@code -Dscreenshots.dir=DIR} on a real display:
 * <pre>
 * xvfb-run -a -s "-screen 0 1280x800x24" ./mvnw -B -q test -Dgui -Dtest=PairScreenshotTour \
 *     -Dscreenshots.dir=$PWD/assets/screenshots -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PairScreenshotTour {
    private final FxRobot robot = new FxRobot();
    private Path out;
    private Path dataDir;
    private ConsoleApp app;

    @BeforeAll
    void start() throws Exception {
        out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        dataDir = Files.createTempDirectory("pair-screenshot-tour");
        seedKeys();
        FxToolkit.registerPrimaryStage();
        app = (ConsoleApp) FxToolkit.setupApplication(ConsoleApp.class, "--data-dir", dataDir.toString());
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
    }

    /** Pairs and a secret key of example_user's, and a pair of alice's (her public key shows, not hers to change). */
    private void seedKeys() {
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(dataDir), HsmClock.SYSTEM);
        try (HsmCluster cluster = catalog.openOrCreateDemo()) {
            try (HsmSession me = login(cluster, "example_user", "example_pwd")) {
                me.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "aes256"));
                me.pairs().generateKeyPair(KeyPairRequest.ec(2, new KeyOptions("jwt-es256", "JWT-01", false, false,
                        List.of(4), 0, null, null, false)), SyncObserver.NONE);
            }
            try (HsmSession alice = login(cluster, "alice", "alice_pwd")) {
                alice.pairs().generateKeyPair(KeyPairRequest.rsa(3072, BigInteger.valueOf(65537),
                        KeyOptions.labelled("alice-code-signing")), SyncObserver.NONE);
            }
        }
    }

    private static HsmSession login(HsmCluster cluster, String user, String password) {
        return cluster.login(LoginChannel.CONSOLE, UserType.CU, user, password.toCharArray()).value();
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void tour() throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.L);
        pause(1500);
        robot.targetWindow(window("Log in"));
        robot.write("example_user");
        robot.push(KeyCode.TAB);
        robot.write("example_pwd");
        robot.push(KeyCode.ENTER);
        pause(2500);
        Stage main = (Stage) window("HSM Key Console");
        place(main, 1280, 800);

        robot.targetWindow(main);
        robot.push(KeyCode.CONTROL, KeyCode.N);
        pause(2500);
        Stage form = (Stage) window("New key");
        robot.targetWindow(form);
        robot.clickOn("#kindBox").clickOn("RSA key pair (genRSAKeyPair)");
        ComboBox<?> modulus = robot.lookup("#modulusBox").queryAs(ComboBox.class);
        robot.clickOn(modulus.getEditor()).push(KeyCode.CONTROL, KeyCode.A).write("3072");
        robot.clickOn("#exponentField").push(KeyCode.CONTROL, KeyCode.A).write("65538");
        robot.clickOn("#labelField").write("tls-server");
        robot.clickOn("#idField").write("TLS-01");
        pause(1500);
        place(form, 1000, 760);
        shoot("keygen-pair.png", form);
        place(form, 900, 600);
        shoot("keygen-pair-900x600.png", form);
        place(form, 1000, 760);
        robot.clickOn("#exponentField").push(KeyCode.CONTROL, KeyCode.A).write("65537");
        pause(1200);
        robot.clickOn("#generateButton");
        for (int i = 0; i < 120 && robot.lookup("#resultHeadline").queryLabeled().getText().isEmpty(); i++) {
            pause(500); // an RSA-3072 pair takes seconds on a busy machine
        }
        pause(500);
        robot.clickOn("#closeButton");
        pause(1200);

        robot.targetWindow(main);
        robot.clickOn("Public key");
        pause(1500);
        shoot("pair-inspector.png", main);
        place(main, 900, 600);
        shoot("pair-inspector-900x600.png", main);
        place(main, 1280, 800);

        robot.clickOn("Try the key");
        pause(800);
        robot.clickOn("#tryDataArea").write("release-2026.12.tar.gz");
        robot.clickOn("#tryRunButton");
        pause(2000);
        shoot("try-the-key-pair.png", main);
        place(main, 900, 600);
        shoot("try-the-key-pair-900x600.png", main);
    }

    private void place(Stage stage, double width, double height) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        pause(1200);
    }

    private static void pause(long millis) {
        WaitForAsyncUtils.sleep(millis, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Window window(String titleStart) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titleStart) && w.isShowing()).findFirst()
                .orElseThrow(() -> new AssertionError("no window " + titleStart));
    }

    /** The window's area of the X screen, as ImageMagick's import sees it (128 colours, as ScreenshotTour's). */
    private void shoot(String name, Window window) throws Exception {
        String crop = String.format("%dx%d+%d+%d", (int) window.getWidth(), (int) window.getHeight(),
                (int) Math.max(0, window.getX()), (int) Math.max(0, window.getY()));
        Path file = out.resolve(name);
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", crop, "+repage", "-dither", "None",
                "-colors", "128", "PNG8:" + file).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new AssertionError("import failed for " + name);
        }
        System.out.println("screenshot " + file + " " + crop);
    }
}
