package io.hsmconsole.ui.main;

import io.hsmconsole.controller.KeyRow;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.TestFiles;
import io.hsmconsole.store.postgresql.PostgresServer;
import io.hsmconsole.store.postgresql.PostgresUrl;
import io.hsmconsole.ui.keylist.KeyListItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static io.hsmconsole.ui.main.FxMainWindow.window;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 end to end: a key_mgmt_util process on "another machine" (its own data folder) makes the
 * team's demo cluster on a PostgreSQL server ({@link PostgresServer}: fails under CI without one) and
 * a key on it; the console, open on its own SQLite cluster, is pointed at the server through
 * File → Open cluster: "Test connection" first says this machine lacks the cluster's master key and
 * where it goes; with the key copied there, Open switches the console (the status bar names the
 * server, never the password) and the logged-in user sees the script's key.
 */
@ExtendWith(ApplicationExtension.class)
class OpenTeamClusterWindowTest {
    @TempDir
    static Path dir;
    private FxMainWindow main;
    private Path otherMachine;

    @Start
    void start(Stage stage) {
        main = new FxMainWindow(dir, stage);
    }

    @AfterEach
    void stop() {
        main.close();
        TestFiles.deleteTree(otherMachine);
    }

    @Test
    void aKeyMadeByKeyMgmtUtilOnTheTeamServerShowsOnceTheDialogOpenedIt(FxRobot robot) throws Exception {
        PostgresUrl url = PostgresServer.get().newDatabase();
        otherMachine = Files.createTempDirectory("hsm-ci-machine-");
        until(() -> main.fx.workspace.clusterNameProperty().get() != null);
        openTheDialogOnTheServer(robot, url);
        robot.clickOn("#openTestButton");
        until(() -> text(robot, "#openNotice").startsWith("Connection works. There is no demo cluster yet"));
        robot.push(KeyCode.ESCAPE);
        until(() -> window("Open cluster") == null);

        String made = keyMgmtUtil(otherMachine, PostgresServer.text(url), "genSymKey", "-l", "made-by-ci", "-t", "31",
                "-s", "32");
        assertThat(made).contains("Symmetric Key Created.");
        openTheDialogOnTheServer(robot, url);
        robot.clickOn("#openTestButton");
        Path keyHere = dir.resolve("clusters").resolve("demo").resolve("master.key");
        until(() -> text(robot, "#openNotice").startsWith("The cluster is on the server, but this machine does not have"
                + " its master key."));
        assertThat(text(robot, "#openNotice")).contains(keyHere.toString());

        OwnerOnly.createDirectories(keyHere.getParent());
        OwnerOnly.writeWhole(keyHere, Files.readAllBytes(otherMachine.resolve("clusters").resolve("demo").resolve("master.key")));
        robot.clickOn("#openTestButton");
        until(() -> text(robot, "#openNotice").startsWith("Connection works: the cluster can be opened."));

        robot.clickOn("#openButton");
        until(() -> window("Open cluster") == null);
        String server = "postgresql://" + url.user() + "@127.0.0.1:" + url.port() + "/" + url.database();
        until(() -> text(robot, ".status-cluster").contains("Cluster: demo") && text(robot, ".status-cluster")
                .contains("on PostgreSQL " + server));
        assertThat(text(robot, ".status-cluster")).doesNotContain(url.password());

        robot.targetWindow(window("HSM Key Console"));
        robot.push(KeyCode.CONTROL, KeyCode.L);
        until(() -> window("Log in") != null);
        robot.targetWindow(window("Log in"));
        robot.write("example_user").push(KeyCode.TAB).write("example_pwd").push(KeyCode.ENTER);
        until(() -> window("Log in") == null);
        until(() -> main.model.keyList().rows().stream().map(KeyListItem::row).map(KeyRow::label)
                .anyMatch("made-by-ci"::equals));
        assertThat(Files.readString(dir.resolve("recent-clusters"))).contains(server).doesNotContain(url.password());
    }

    /** Ctrl+O, the team server, its URL (typed with the password, which moves to the masked field), cluster demo. */
    private static void openTheDialogOnTheServer(FxRobot robot, PostgresUrl url) {
        robot.targetWindow(window("HSM Key Console"));
        robot.clickOn(".status-keys");
        robot.push(KeyCode.CONTROL, KeyCode.O);
        until(() -> window("Open cluster") != null);
        robot.targetWindow(window("Open cluster"));
        robot.clickOn("#openServerChoice");
        robot.clickOn("#openUrlField").push(KeyCode.CONTROL, KeyCode.A).write(PostgresServer.text(url));
        robot.clickOn("#openPasswordField");
        until(() -> !robot.lookup("#openUrlField").queryAs(TextField.class).getText().contains(url.password()));
        TextField cluster = robot.lookup("#openClusterBox .text-field").queryAs(TextField.class);
        robot.clickOn(cluster).push(KeyCode.CONTROL, KeyCode.A).write("demo");
    }

    /** key_mgmt_util in its own JVM: logs in as example_user, then runs the command, on the store given. */
    private static String keyMgmtUtil(Path dataDir, String store, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.hsmconsole.app.KmuMain", "--store", store,
                "--data-dir", dataDir.toString(), "singlecmd", "loginHSM", "-u", "CU", "-s", "example_user", "-p",
                "example_pwd"));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(100, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("key_mgmt_util failed; it printed: " + output);
        }
        return output;
    }
}
