package io.hsmconsole.ui.users;

import io.hsmconsole.controller.UserAdminController;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import io.hsmconsole.ui.controls.SecurePasswordField;
import javafx.scene.control.TableView;
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
import java.util.List;

import io.hsmconsole.ui.common.FxConsole;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the Users screen headless as crypto officer: create, unlock, and a refused delete. */
@ExtendWith(ApplicationExtension.class)
class UsersViewTest {
    @TempDir
    static Path dir;
    private FxConsole fx;
    private HsmCluster cluster;

    @Start
    void start(Stage stage) {
        fx = new FxConsole(dir);
        cluster = fx.cluster;
        UserAdminController admin = new UserAdminController(fx.workspace, fx.runner, fx.errors::add,
                fx.clusterController);
        fx.show(stage, UsersView.create(fx.workspace, fx.clusterController, admin, Messages.load(),
                new RecordingDialogs()).root(), 1200, 700);
        fx.watch();
        fx.sessions().login(cluster.name(), "officer1", "officer1_pwd".toCharArray(), outcome -> { });
    }

    @AfterEach
    void stop() {
        fx.close();
        assertThat(fx.errors).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<UserInfo> rows(FxRobot robot) {
        return List.copyOf(((TableView<UserInfo>) robot.lookup("#userTable").query()).getItems());
    }

    /** Selects a user's row as a keyboard user does: focus the table, Home, then Down to the row. */
    @SuppressWarnings("unchecked")
    private void selectWithKeyboard(FxRobot robot, String name) {
        TableView<UserInfo> table = (TableView<UserInfo>) robot.lookup("#userTable").query();
        int index = rows(robot).stream().map(UserInfo::name).toList().indexOf(name);
        robot.interact(table::requestFocus);
        robot.type(KeyCode.HOME);
        for (int i = 0; i < index; i++) {
            robot.type(KeyCode.DOWN);
        }
        until(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().name().equals(name),
                () -> "selected: " + table.getSelectionModel().getSelectedItem());
    }

    private boolean locked(FxRobot robot, String name) {
        return rows(robot).stream().anyMatch(u -> u.name().equals(name) && u.locked());
    }

    @Test
    void anOfficerCreatesUnlocksAndIsRefusedADelete(FxRobot robot) {
        until(() -> text(robot, ".read-only-hint").startsWith("Logged in as officer1, a crypto officer"));
        until(() -> rows(robot).size() == 7);

        // Create with the keyboard: the form opens with the name field focused; Tab moves on; Enter submits.
        robot.clickOn("#createButton");
        until(() -> robot.lookup("#nameField").query().isFocused());
        robot.write("dave");
        robot.push(KeyCode.TAB);
        robot.write("dave_pwd1");
        robot.push(KeyCode.TAB);
        robot.write("dave_pwd1");
        robot.push(KeyCode.ENTER);
        until(() -> text(robot, "#usersNotice").equals("Created CU user dave with ID 8."));
        until(() -> rows(robot).stream().anyMatch(u -> u.name().equals("dave")));
        assertThat(robot.lookup("#createPassword").queryAs(SecurePasswordField.class).password()).isEmpty();
        assertThat(cluster.login(LoginChannel.CONSOLE, UserType.CU, "dave", "dave_pwd1".toCharArray()).isSuccess()).isTrue();

        // bob locks himself out elsewhere; the table shows it by itself, and Unlock sets a new password.
        for (int i = 0; i < 5; i++) {
            cluster.login(LoginChannel.CONSOLE, UserType.CU, "bob", "not_his_pwd".toCharArray());
        }
        until(() -> locked(robot, "bob"));
        selectWithKeyboard(robot, "bob");
        robot.clickOn("#unlockButton");
        until(() -> robot.lookup("#newPassword").query().isFocused());
        assertThat(text(robot, "#passwordTitle")).isEqualTo("Unlock bob (5): set a new password");
        robot.write("bob_pwd_2");
        robot.push(KeyCode.TAB);
        robot.write("bob_pwd_2");
        robot.clickOn("#passwordSubmit");
        until(() -> text(robot, "#usersNotice").equals("The password of bob was changed and the account is unlocked."));
        until(() -> !locked(robot, "bob"));

        // carol owns a key: the HSM refuses to delete her, and the screen says why with the code.
        HsmSession carol = cluster.login(LoginChannel.CONSOLE, UserType.CU, "carol", "carol_pwd".toCharArray()).value();
        carol.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "carols"));
        carol.close();
        selectWithKeyboard(robot, "carol");
        robot.clickOn("#deleteButton");
        until(() -> text(robot, "#usersNotice").startsWith("Deleting carol was refused: The user owns keys"),
                () -> "notice: " + text(robot, "#usersNotice"));
        assertThat(text(robot, "#usersNotice")).contains("0x4000001d");
    }

    /** Issue 19 item 6: a disabled button says why on its (wrapper's) tooltip, from the simulator's answer. */
    @Test
    void disabledButtonsSayWhy(FxRobot robot) {
        until(() -> !rows(robot).isEmpty());
        javafx.scene.control.Button delete = robot.lookup("#deleteButton").queryAs(javafx.scene.control.Button.class);
        until(delete::isDisabled);
        assertThat(tooltipOf(delete)).isEqualTo("Select a user in the table first.");
        selectWithKeyboard(robot, "admin");
        until(() -> tooltipOf(delete).contains("nobody deletes the primary crypto officer (PCO)"));
        assertThat(delete.isDisabled()).isTrue();
        selectWithKeyboard(robot, "bob");
        until(() -> !delete.isDisabled());
    }

    private static String tooltipOf(javafx.scene.control.Button button) {
        Object tip = button.getParent().getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof javafx.scene.control.Tooltip t ? t.getText() : String.valueOf(button.getAccessibleHelp());
    }
}
