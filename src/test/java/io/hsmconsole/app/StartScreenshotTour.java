package io.hsmconsole.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;

import java.net.ServerSocket;

import static io.hsmconsole.app.TourFixture.pause;
import static io.hsmconsole.app.TourFixture.waitUntil;
import static io.hsmconsole.app.TourFixture.window;

/**
 * Not a test: the README's picture of a console started on a team server that is down (issue 18),
 * and the same on a 900x600 screen (nothing may be cut off). Runs as {@link ScreenshotTour} does:
 * <pre>
 * xvfb-run -a -s "-screen 0 1280x800x24" ./mvnw -B -q test -Dgui -Dtest=StartScreenshotTour \
 *     -Dscreenshots.dir=$PWD/assets/screenshots -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartScreenshotTour {
    private TourFixture tour;
    private FxRobot robot;
    private int closedPort;

    @BeforeAll
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        tour = TourFixture.start("start-screenshot-tour", cluster -> { },
                "--store", "postgresql://team:s3cret@127.0.0.1:" + closedPort + "/hsm");
        robot = tour.robot;
    }

    @AfterAll
    void stop() throws Exception {
        tour.stop();
    }

    @Test
    void aServerThatIsDown() {
        waitUntil("the start-up Open cluster dialog's answer", () -> TourFixture.isShowing("Open cluster")
                && robot.lookup("#openNotice").queryLabeled().getText().startsWith("The server cannot be reached"));
        Stage main = (Stage) window("HSM Key Console");
        tour.place(main, 1280, 800);
        centre((Stage) window("Open cluster"), 1280, 800);
        tour.shootScreen("open-cluster-unreachable.png", 1280, 800);

        tour.place(main, 900, 600);
        centre((Stage) window("Open cluster"), 900, 600);
        tour.shootScreen("open-cluster-unreachable-900x600.png", 900, 600);
    }

    /** The dialog centred on a screen of this size from the top-left corner; it must fit. */
    private void centre(Stage dialog, int width, int height) {
        robot.interact(() -> {
            dialog.setX(Math.max(0, (width - dialog.getWidth()) / 2));
            dialog.setY(Math.max(0, (height - dialog.getHeight()) / 2));
        });
        pause(800);
        if (dialog.getWidth() > width || dialog.getHeight() > height) {
            throw new AssertionError("the Open cluster dialog (" + dialog.getWidth() + "x" + dialog.getHeight()
                    + ") does not fit a " + width + "x" + height + " screen");
        }
    }
}
