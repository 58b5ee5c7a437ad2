package io.hsmconsole.ui.main;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static io.hsmconsole.ui.common.FxWait.until;
import static io.hsmconsole.ui.main.FxMainWindow.window;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user reads first must be whole: the login dialog's buttons used to read "Other clu..." (the
 * button bar gave every button the same width, and four of them did not fit 460 px).
 */
class WholeTextsWindowTest extends MainWindowTest {

    @Test
    void theLoginDialogsButtonsShowTheirWholeText(FxRobot robot) {
        until(() -> main.fx.workspace.clusterNameProperty().get() != null);
        robot.targetWindow(window("HSM Key Console"));
        robot.clickOn(".status-keys");
        robot.push(KeyCode.CONTROL, KeyCode.L);
        until(() -> window("Log in") != null);
        WaitForAsyncUtils.waitForFxEvents();
        Parent root = window("Log in").getScene().getRoot();
        List<Button> buttons = root.lookupAll(".button").stream().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(Node::isVisible).toList();
        assertThat(buttons).extracting(Labeled::getText).contains("_Other cluster or store…");
        assertThat(cut(buttons)).as("buttons whose text is cut").isEmpty();
        robot.targetWindow(window("Log in"));
        robot.push(KeyCode.ESCAPE);
    }

    /**
     * The key form on a 900x600 screen scrolls down, never sideways: the two columns' minimum widths
     * (form 520, sharing 330) used to add up to more than the dialog has inside, so a horizontal scroll
     * bar hid the last line and every field was a few pixels off-screen.
     */
    @Test
    void theKeyFormAt900x600NeedsNoSidewaysScrolling(FxRobot robot) {
        main.login("example_user", "example_pwd");
        FxMainWindow.openKeyForm(robot);
        Stage form = (Stage) window("New key");
        robot.interact(() -> {
            form.setWidth(900);
            form.setHeight(600);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane scroll = (ScrollPane) form.getScene().getRoot().lookup("#formScroll");
        assertThat(scroll.getContent().getLayoutBounds().getWidth()).as("the form's width inside the scroll pane")
                .isLessThanOrEqualTo(scroll.getViewportBounds().getWidth() + 0.5);
        robot.interact(form::close);
    }

    /** The labelled controls narrower than their text asks for (JavaFX then ends them with "..."). */
    static List<String> cut(List<? extends Labeled> labels) {
        return labels.stream().filter(l -> l.getWidth() < l.prefWidth(-1) - 0.5)
                .map(l -> "\"" + l.getText() + "\" " + l.getWidth() + " < " + l.prefWidth(-1)).toList();
    }
}
