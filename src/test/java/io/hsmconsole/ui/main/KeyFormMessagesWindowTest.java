package io.hsmconsole.ui.main;

import io.hsmconsole.hsm.HsmResult;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicReference;

import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 items 5 and 9 in the real key form: a field's message appearing or clearing moves no
 * field under the pointer, and -min_srv above the nodes online is a warning (Generate stays enabled)
 * that says which node is offline, also while genSymKey waits.
 */
class KeyFormMessagesWindowTest extends MainWindowTest {

    @Test
    void messagesAppearingOrClearingMoveNoField(FxRobot robot) {
        main.login("example_user", "example_pwd");
        openForm(robot);
        Node id = robot.lookup("#idField").query();
        Node mValue = robot.lookup("#mValueSpinner").query();
        double idAt = sceneY(id);
        double mValueAt = sceneY(mValue);
        assertThat(shown(robot, "#labelError")).startsWith("A label is required");

        robot.clickOn("#labelField").write("k");
        until(() -> shown(robot, "#labelError").isEmpty());
        assertThat(sceneY(id)).as("the label's error cleared").isEqualTo(idAt);

        robot.write(" b");
        until(() -> shown(robot, "#labelError").startsWith("\u201ck b\u201d cannot be a label"));
        assertThat(sceneY(id)).as("a label error appeared").isEqualTo(idAt);

        robot.clickOn("#minSrvField").write("1");
        robot.clickOn("#timeoutField").write("abc");
        until(() -> shown(robot, "#timeoutError").endsWith("(0x40000027)"));
        assertThat(sceneY(mValue)).as("the timeout's error appeared").isEqualTo(mValueAt);
        robot.push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE);
        until(() -> shown(robot, "#timeoutError").isEmpty());
        assertThat(sceneY(mValue)).as("the timeout's error cleared").isEqualTo(mValueAt);
        closeDiscarding(robot);
    }

    @Test
    void minSrvAboveTheNodesOnlineWarnsAndTheWaitNamesTheMissingNode(FxRobot robot) {
        main.login("example_user", "example_pwd");
        AtomicReference<HsmResult<Void>> offline = new AtomicReference<>();
        robot.interact(() -> main.ctx.nodes().setOnline(2, false, offline::set));
        until(() -> offline.get() != null);
        openForm(robot);
        until(() -> robot.lookup("#minSrvHint").queryAs(Label.class).getText().contains("node 2 is offline"));

        robot.clickOn("#labelField").write("waits");
        Node timeout = robot.lookup("#timeoutField").query();
        double timeoutAt = sceneY(timeout);
        robot.clickOn("#minSrvField").write("3");

        until(() -> shown(robot, "#minSrvError").startsWith("Only 2 of 3 HSMs are online (node 2 is offline)"));
        assertThat(robot.lookup("#minSrvError").query().getStyleClass()).contains("field-warning")
                .doesNotContain("field-error");
        assertThat(sceneY(timeout)).as("the warning appeared in the room kept for it").isEqualTo(timeoutAt);
        Button generate = robot.lookup("#generateButton").queryAs(Button.class);
        assertThat(generate.isDisabled()).as("a warning does not block").isFalse();

        robot.clickOn(generate);
        until(() -> robot.lookup("#progressLabel").queryAs(Label.class).getText().endsWith("waiting for node 2 (offline)."),
                () -> robot.lookup("#progressLabel").queryAs(Label.class).getText());
        robot.clickOn("#cancelWaitButton");
        until(() -> robot.lookup("#resultText").queryAs(javafx.scene.control.TextArea.class).getText()
                .contains("rolled back"));
    }

    @Test
    void afterGenerateTheFormShowsTheSuccessNotAConflictWithItsOwnKey(FxRobot robot) {
        main.login("example_user", "example_pwd");
        openForm(robot);
        robot.clickOn("#labelField").write("app");
        robot.clickOn("#idField").write("APP-07");
        Button generate = robot.lookup("#generateButton").queryAs(Button.class);
        until(() -> !generate.isDisabled());

        robot.clickOn(generate);

        until(() -> robot.lookup("#resultHeadline").queryAs(Label.class).getText().contains("created"),
                () -> robot.lookup("#resultHeadline").queryAs(Label.class).getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#idError")).as("no conflict with the key just made").isEmpty();
        assertThat(robot.lookup("#idField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#labelField").queryAs(TextField.class).getText()).isEqualTo("app");
        robot.clickOn("#closeButton"); // nothing typed since the run: closes without asking
        until(() -> FxMainWindow.window("New key") == null);
    }

    private static double sceneY(Node node) {
        WaitForAsyncUtils.waitForFxEvents();
        return node.localToScene(node.getBoundsInLocal()).getMinY();
    }

    /** The message label's text while it shows, else empty. */
    private static String shown(FxRobot robot, String query) {
        Label label = robot.lookup(query).queryAs(Label.class);
        return label.isVisible() && label.getText() != null ? label.getText() : "";
    }

    private void closeDiscarding(FxRobot robot) {
        main.dialogs.confirmAnswer = true;
        robot.clickOn("#closeButton");
        until(() -> FxMainWindow.window("New key") == null);
    }

    private static void openForm(FxRobot robot) {
        FxMainWindow.openKeyForm(robot);
    }
}
