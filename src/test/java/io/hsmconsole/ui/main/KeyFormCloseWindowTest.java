package io.hsmconsole.ui.main;

import io.hsmconsole.controller.BackgroundWork;
import io.hsmconsole.hsm.HsmResult;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Issue 19 item 3: work in the key form is not dropped without asking. Quitting while genSymKey
 * waits for -min_srv asks, a no keeps the wait, a yes stops it (the key is rolled back) and leaves
 * no work that fails once the task runner is closed; closing the form with typed input asks too.
 */
class KeyFormCloseWindowTest extends MainWindowTest {

    @Test
    void quittingWhileAKeyWaitsForMinSrvAsksAndStopsTheWaitCleanly(FxRobot robot) {
        main.login("example_user", "example_pwd");
        AtomicReference<HsmResult<Void>> offline = new AtomicReference<>();
        robot.interact(() -> main.ctx.nodes().setOnline(2, false, offline::set));
        until(() -> offline.get() != null);
        openForm(robot);
        robot.clickOn("#labelField").write("waits");
        robot.clickOn("#minSrvField").write("3");
        robot.clickOn("#generateButton");
        until(() -> robot.lookup("#progressLabel").queryAs(Label.class).getText().contains("of 3 HSMs hold it"));

        main.dialogs.confirmAnswer = false;
        AtomicBoolean mayQuit = new AtomicBoolean(true);
        robot.interact(() -> mayQuit.set(main.view.mayQuit()));
        assertThat(mayQuit).as("a no keeps the console and the wait").isFalse();
        assertThat(main.dialogs.confirmations).singleElement().asString().contains("still waiting for -min_srv");
        assertThat(robot.lookup("#cancelWaitButton").query().isVisible()).isTrue();

        main.dialogs.confirmAnswer = true;
        robot.interact(() -> mayQuit.set(main.view.mayQuit()));
        assertThat(mayQuit).isTrue();
        until(() -> text(robot, "#resultHeadline").startsWith("Refused"), () -> text(robot, "#resultHeadline"));
        assertThat(robot.lookup("#resultText").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("rolled back");

        // The application's stop() closes the runner; work asked for afterwards is dropped, not thrown.
        main.fx.runner.close();
        assertThatCode(() -> main.fx.runner.run(BackgroundWork.named("late reload", p -> 1, e -> { })))
                .doesNotThrowAnyException();
    }

    @Test
    void closingTheFormWithTypedInputAsks(FxRobot robot) {
        main.login("example_user", "example_pwd");
        openForm(robot);
        robot.clickOn("#labelField").write("half-typed");

        main.dialogs.confirmAnswer = false;
        robot.clickOn("#closeButton");
        assertThat(main.dialogs.confirmations).singleElement().asString().contains("What you typed");
        assertThat(FxMainWindow.window("New key")).as("a no keeps the form").isNotNull();

        main.dialogs.confirmAnswer = true;
        robot.clickOn("#closeButton");
        until(() -> FxMainWindow.window("New key") == null);
    }

    @Test
    void closingTheFormAfterItMadeItsKeyDoesNotAsk(FxRobot robot) {
        main.login("example_user", "example_pwd");
        openForm(robot);
        robot.clickOn("#labelField").write("made");
        robot.clickOn("#generateButton");
        until(() -> text(robot, "#resultHeadline").contains("created"));

        robot.clickOn("#closeButton");
        until(() -> FxMainWindow.window("New key") == null);
        assertThat(main.dialogs.confirmations).isEmpty();
    }

    private static void openForm(FxRobot robot) {
        FxMainWindow.openKeyForm(robot);
    }
}
