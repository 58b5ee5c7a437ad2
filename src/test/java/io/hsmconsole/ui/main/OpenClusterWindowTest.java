package io.hsmconsole.ui.main;

import io.hsmconsole.controller.ClusterLocation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static io.hsmconsole.ui.main.FxMainWindow.window;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * File → Open cluster in the real window (Monocle): Ctrl+O, the start screen's button and the login
 * dialog's all open it; its mnemonics are its own; the store's answer to "Test connection" is shown;
 * a URL pasted with its password keeps only masks of it; a wrong port is said as it is typed and
 * keeps Open off; and Cancel changes nothing. {@code OpenTeamClusterWindowTest} opens a server's cluster.
 */
@ExtendWith(ApplicationExtension.class)
class OpenClusterWindowTest {
    @TempDir
    static Path dir;
    private FxMainWindow main;

    @Start
    void start(Stage stage) {
        main = new FxMainWindow(dir, stage);
    }

    @AfterEach
    void stop() {
        main.close();
    }

    private void openWithCtrlO(FxRobot robot) {
        robot.targetWindow(window("HSM Key Console"));
        robot.clickOn(".status-keys"); // the main window has the keyboard
        robot.push(KeyCode.CONTROL, KeyCode.O);
        until(() -> window("Open cluster") != null);
        robot.targetWindow(window("Open cluster"));
    }

    @Test
    void theDialogTestsValidatesAndCancelsWithoutChangingTheConsole(FxRobot robot) {
        until(() -> main.fx.workspace.clusterNameProperty().get() != null);
        ClusterLocation before = main.fx.workspace.locationProperty().get();
        openWithCtrlO(robot);
        assertThat(mnemonics(window("Open cluster").getScene().getRoot())).doesNotHaveDuplicates();
        assertThat(robot.lookup("#openDataFolderChoice").queryAs(RadioButton.class).isSelected()).isTrue();

        TextField cluster = robot.lookup("#openClusterBox .text-field").queryAs(TextField.class);
        assertThat(cluster.getText()).isEqualTo(main.fx.cluster.name());
        robot.clickOn(cluster).push(KeyCode.CONTROL, KeyCode.A).write("payments");
        robot.clickOn("#openTestButton");
        until(() -> text(robot, "#openNotice").startsWith("Connection works, but there is no cluster of that name."));
        assertThat(text(robot, "#openNotice")).contains("no cluster named 'payments'");

        robot.clickOn("#openServerChoice");
        until(() -> text(robot, "#openProblem").contains("URL is missing"));
        assertThat(robot.lookup("#openButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#openUrlField").write("postgresql://team:hunter2@db.example:5432/hsm");
        robot.clickOn("#openPasswordField"); // leaving the URL field
        until(() -> robot.lookup("#openUrlField").queryAs(TextField.class).getText()
                .equals("postgresql://team@db.example:5432/hsm"));
        assertThat(robot.lookup("#openPasswordField").queryAs(TextField.class).getText()).isEqualTo("\u25cf".repeat(7));
        assertThat(text(robot, "#openNotice")).contains("moved to the password field");

        robot.clickOn("#openByFieldsChoice");
        until(() -> robot.lookup("#openHostField").queryAs(TextField.class).getText().equals("db.example"));
        robot.clickOn("#openPortField").push(KeyCode.CONTROL, KeyCode.A).write("54x");
        until(() -> text(robot, "#openProblem").contains("port must be a number from 1 to 65535"));
        assertThat(robot.lookup("#openButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#openTestButton").queryAs(Button.class).isDisabled()).isTrue();

        robot.push(KeyCode.ESCAPE);
        until(() -> window("Open cluster") == null);
        assertThat(main.fx.workspace.locationProperty().get()).isEqualTo(before);
        assertThat(text(robot, ".status-cluster")).contains("on this machine (SQLite)");
    }

    @Test
    void theStartScreenAndTheLoginDialogOfferIt(FxRobot robot) {
        until(() -> main.fx.workspace.clusterNameProperty().get() != null);
        robot.targetWindow(window("HSM Key Console"));
        robot.clickOn("#openClusterButton");
        until(() -> window("Open cluster") != null);
        robot.targetWindow(window("Open cluster"));
        robot.clickOn("#openCancelButton");
        until(() -> window("Open cluster") == null);

        robot.targetWindow(window("HSM Key Console"));
        robot.clickOn(".status-keys");
        robot.push(KeyCode.CONTROL, KeyCode.L);
        until(() -> window("Log in") != null);
        robot.targetWindow(window("Log in"));
        robot.clickOn("#otherClusterButton");
        until(() -> window("Log in") == null && window("Open cluster") != null);
        robot.targetWindow(window("Open cluster"));
        robot.push(KeyCode.ESCAPE);
        until(() -> window("Open cluster") == null);
        assertThat(window("Log in")).as("cancelled: no login dialog comes back").isNull();
    }

    /** The underlined letters of a window: each must reach one control. */
    static List<Character> mnemonics(Node root) {
        List<Character> letters = new ArrayList<>();
        for (Node n : root.lookupAll(".labeled")) {
            if (n instanceof Labeled l && l.isMnemonicParsing() && l.getText() != null) {
                int at = l.getText().indexOf('_');
                if (at >= 0 && at + 1 < l.getText().length()) {
                    letters.add(Character.toLowerCase(l.getText().toLowerCase(Locale.ROOT).charAt(at + 1)));
                }
            }
        }
        return letters;
    }
}
