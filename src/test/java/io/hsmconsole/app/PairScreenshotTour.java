package io.hsmconsole.app;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;

import java.math.BigInteger;
import java.util.List;

import static io.hsmconsole.app.TourFixture.login;
import static io.hsmconsole.app.TourFixture.pause;
import static io.hsmconsole.app.TourFixture.window;

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
    private TourFixture tour;

    @BeforeAll
    void start() throws Exception {
        tour = TourFixture.start("pair-screenshot-tour", PairScreenshotTour::seedKeys);
    }

    /** Pairs and a secret key of example_user's, and a pair of alice's (her public key shows, not hers to change). */
    private static void seedKeys(HsmCluster cluster) {
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

    @AfterAll
    void stop() throws Exception {
        tour.stop();
    }

    @Test
    void tour() {
        FxRobot robot = tour.robot;
        tour.logIn("example_user", "example_pwd", () -> { });
        Stage main = (Stage) window("HSM Key Console");
        tour.place(main, 1280, 800);

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
        tour.place(form, 1000, 760);
        tour.shoot("keygen-pair.png", form);
        tour.place(form, 900, 600);
        tour.shoot("keygen-pair-900x600.png", form);
        tour.place(form, 1000, 760);
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
        tour.shoot("pair-inspector.png", main);
        tour.place(main, 900, 600);
        tour.shoot("pair-inspector-900x600.png", main);
        tour.place(main, 1280, 800);

        robot.clickOn("Try the key");
        pause(800);
        robot.clickOn("#tryDataArea").write("release-2026.12.tar.gz");
        robot.clickOn("#tryRunButton");
        pause(2000);
        tour.shoot("try-the-key-pair.png", main);
        tour.place(main, 900, 600);
        tour.shoot("try-the-key-pair-900x600.png", main);
    }
}
