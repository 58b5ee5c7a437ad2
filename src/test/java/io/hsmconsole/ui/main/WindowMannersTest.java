package io.hsmconsole.ui.main;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.ui.common.FxDialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 7: the window behaves as a new user expects - F1 lists every shortcut, About names
 * the version, deleting names the key and Enter alone cancels, the nodes/users/audit windows close
 * with their Close button, Esc and Ctrl+W.
 */
@ExtendWith(ApplicationExtension.class)
class WindowMannersTest {
    @TempDir
    static Path dir;
    private FxMainWindow main;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        main = new FxMainWindow(dir, stage);
    }

    @AfterEach
    void stop() {
        main.close();
    }

    @Test
    void f1ListsTheClusterWindowsShortcutsAndAboutNamesTheVersion(FxRobot robot) {
        robot.clickOn("#rootPane");
        robot.push(KeyCode.F1);
        until(() -> !main.dialogs.messages.isEmpty());
        assertThat(main.dialogs.messages.get(0)).contains("Ctrl+Shift+C").contains("Ctrl+Shift+U")
                .contains("Ctrl+Shift+A").contains("Ctrl+W");

        robot.clickOn("Help").clickOn("About");
        until(() -> main.dialogs.messages.size() == 2);
        assertThat(main.dialogs.messages.get(1)).startsWith("HSM Key Console ").doesNotContain("unknown")
                .matches("(?s)HSM Key Console \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void oneKeyIsOneKey() {
        assertThat(Messages.load().format("cluster.tile.keys", 1, 0)).isEqualTo("1 key held \u00b7 0 pending");
        assertThat(Messages.load().format("cluster.tile.keys", 12, 2)).isEqualTo("12 keys held \u00b7 2 pending");
    }

    @Test
    void theClusterWindowsCloseWithTheirButtonEscAndCtrlW(FxRobot robot) {
        main.login("example_user", "example_pwd");
        for (KeyCode[] closing : new KeyCode[][] {{KeyCode.ESCAPE}, {KeyCode.CONTROL, KeyCode.W}, null}) {
            robot.targetWindow(stage);
            robot.clickOn("#rootPane");
            robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U);
            until(() -> FxMainWindow.window("Users") != null);
            robot.targetWindow(FxMainWindow.window("Users"));
            if (closing == null) {
                robot.clickOn("Close");
            } else {
                robot.push(closing);
            }
            until(() -> FxMainWindow.window("Users") == null);
        }
    }

    @Test
    void deletingNamesTheKeyAndEnterAloneCancels(FxRobot robot) throws Exception {
        long key = main.ownKey(GenSymKeyRequest.of(31, 32, "payroll-kek"));
        main.showOwnKey(robot, key);
        until(() -> text(robot, "#headingLabel").startsWith("Key " + key));
        // Item 10: an attribute's checkbox says the state it shows.
        assertThat(robot.lookup(".check-box").queryAllAs(javafx.scene.control.CheckBox.class))
                .filteredOn(b -> b.getId() != null && b.getId().startsWith("edit-")).isNotEmpty()
                .allSatisfy(b -> assertThat(b.getText()).startsWith(b.isSelected() ? "on" : "off"));
        main.dialogs.confirmAnswer = false;
        robot.interact(main.model::deleteSelected);
        assertThat(main.dialogs.confirmations).singleElement().asString()
                .isEqualTo("Delete key " + key + " \u201cpayroll-kek\u201d from every HSM? This cannot be undone.");

        FxDialogService real = new FxDialogService(() -> stage, Messages.load(), new Themes());
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        robot.interact(() -> javafx.application.Platform.runLater(() ->
                answer.complete(real.confirmDestructive("Delete key", "Delete key " + key + "?", "Delete key " + key))));
        until(() -> FxMainWindow.window("Delete key") != null);
        robot.targetWindow(FxMainWindow.window("Delete key"));
        assertThat(robot.lookup("Delete key " + key).tryQuery()).as("the button says what it does").isPresent();
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer.get(10, TimeUnit.SECONDS)).as("Enter is Cancel").isFalse();
    }
}
