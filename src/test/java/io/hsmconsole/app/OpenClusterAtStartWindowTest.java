package io.hsmconsole.app;

import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.store.postgresql.PostgresServer;
import io.hsmconsole.store.postgresql.PostgresUrl;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: the real console started on a store it cannot open no longer quits. Its window opens
 * with the Open cluster dialog, filled with what was asked for (the server's URL without the
 * password, which waits masked in its field) and saying why in "Test connection"'s words: a server
 * that is down (then the user picks this machine's data folder and works on), a refused password
 * (the user types the right one and opens the team's cluster: needs {@link PostgresServer}), a data
 * folder that cannot be used; closing the dialog quits.
 */
class OpenClusterAtStartWindowTest {
    private static final String DIALOG = "Open cluster";

    private final FxRobot robot = new FxRobot();
    private final AtomicInteger quits = new AtomicInteger();
    private RealConsole console;

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.stop();
        }
    }

    private void start(String... arguments) throws Exception {
        console = RealConsole.start("open-at-start-test", HsmClock.SYSTEM, List.of(arguments), quits::incrementAndGet);
        until(() -> RealConsole.window(DIALOG).isPresent());
        robot.targetWindow(RealConsole.window(DIALOG).orElseThrow());
    }

    private String notice() {
        return text(robot, "#openNotice");
    }

    @Test
    void aServerThatIsDownIsExplainedAndThisMachinesDataFolderOpensInstead() throws Exception {
        int closedPort = unusedPort();
        start("--store", "postgresql://team:s3cret@127.0.0.1:" + closedPort + "/hsm");
        until(() -> notice().startsWith("The server cannot be reached: check the host and port"));
        assertThat(notice()).contains("127.0.0.1:" + closedPort).doesNotContain("s3cret");
        assertThat(robot.lookup("#openServerChoice").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#openUrlField").queryAs(TextField.class).getText())
                .isEqualTo("postgresql://team@127.0.0.1:" + closedPort + "/hsm");
        assertThat(robot.lookup("#openPasswordField").queryAs(TextField.class).getText()).isEqualTo("\u25cf".repeat(6));
        assertThat(robot.lookup("#openClusterBox .text-field").queryAs(TextField.class).getText()).isEqualTo("demo");
        assertThat(text(robot, "#openIntro")).startsWith("The console could not open the cluster it was started on.");
        assertThat(robot.lookup("#openCancelButton").queryAs(Button.class).getText()).isEqualTo("_Quit");
        assertThat(text(robot, ".status-cluster")).as("the window behind: no cluster, not opening one")
                .isEqualTo("No cluster open");
        assertThat(RealConsole.window("HSM Key Console \u2014 no cluster open")).isPresent();

        robot.clickOn("#openDataFolderChoice");
        robot.clickOn("#openButton");
        until(() -> RealConsole.window(DIALOG).isEmpty());
        until(() -> text(robot, ".status-cluster").contains("Cluster: demo")
                && text(robot, ".status-cluster").contains("on this machine (SQLite)"));
        assertThat(quits).hasValue(0);
        // The window works on as after any start: the login dialog opens on the cluster.
        RealConsole.logInWithTheKeyboard(robot, "example_user", "example_pwd",
                () -> until(() -> RealConsole.window("Log in").isPresent()));
        until(() -> text(robot, ".status-user").equals("User: example_user (3)"));
    }

    @Test
    void aRefusedPasswordIsSaidAndTheRightOneOpensTheTeamsCluster() throws Exception {
        PostgresUrl url = PostgresServer.get().newDatabase();
        String server = "postgresql://" + url.user() + "@127.0.0.1:" + url.port() + "/" + url.database();
        start("--store", "postgresql://" + url.user() + ":wrong-password@127.0.0.1:" + url.port() + "/" + url.database());
        until(() -> notice().startsWith("The server refused the user or the password."));
        assertThat(robot.lookup("#openUrlField").queryAs(TextField.class).getText()).isEqualTo(server);

        robot.clickOn("#openPasswordField").push(KeyCode.CONTROL, KeyCode.A).write(url.password());
        robot.clickOn("#openButton");
        until(() -> RealConsole.window(DIALOG).isEmpty());
        until(() -> text(robot, ".status-cluster").contains("Cluster: demo")
                && text(robot, ".status-cluster").contains("on PostgreSQL " + server));
        assertThat(text(robot, ".status-cluster")).doesNotContain(url.password()).doesNotContain("wrong-password");
        assertThat(quits).hasValue(0);
    }

    @Test
    void aDataFolderThatCannotBeUsedIsSaidAndClosingTheDialogQuits() throws Exception {
        Path notAFolder = Files.createTempFile("hsm-not-a-folder-", "");
        try {
            start("--data-dir", notAFolder.toString());
            until(() -> notice().startsWith("The cluster cannot be opened."));
            assertThat(notice()).contains(notAFolder.toString());
            assertThat(robot.lookup("#openDataFolderChoice").queryAs(RadioButton.class).isSelected()).isTrue();

            robot.push(KeyCode.ESCAPE);
            until(() -> RealConsole.window(DIALOG).isEmpty());
            assertThat(quits).hasValue(1);
        } finally {
            Files.deleteIfExists(notAFolder);
        }
    }

    @Test
    void aConsoleThatOpensItsClusterShowsNoDialog() throws Exception {
        console = RealConsole.start("open-at-start-test", HsmClock.SYSTEM, List.of(), quits::incrementAndGet);
        until(() -> text(robot, ".status-cluster").contains("Cluster: demo"));
        assertThat(RealConsole.window(DIALOG)).isEmpty();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
