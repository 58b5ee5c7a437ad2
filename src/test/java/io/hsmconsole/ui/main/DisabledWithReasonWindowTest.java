package io.hsmconsole.ui.main;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 6: buttons that cannot work are disabled and say why - Compare until exactly two
 * keys are selected, Share / unshare for a user who does not own the key (the simulator's answer).
 */
class DisabledWithReasonWindowTest extends MainWindowTest {
    private long shared;

    @Override
    void seed() {
        shared = main.ownKey(GenSymKeyRequest.of(31, 32, "first").withShareWith(List.of(4)));
        main.ownKey(GenSymKeyRequest.of(31, 32, "second"));
    }

    @Test
    void compareWaitsForTwoKeysAndShareForTheOwner(FxRobot robot) {
        main.showOwnKey(robot, shared);
        until(() -> text(robot, "#headingLabel").startsWith("Key " + shared));
        Button compare = robot.lookup("#compareButton").queryAs(Button.class);
        Button share = robot.lookup("#shareButton").queryAs(Button.class);
        assertThat(compare.isDisabled()).isTrue();
        assertThat(tooltipOf(compare)).isEqualTo("Select exactly two keys in the key list (Ctrl+click), then compare.");
        assertThat(share.isDisabled()).as("the owner may share").isFalse();

        robot.interact(() -> robot.lookup("#table").queryAs(TableView.class).getSelectionModel().selectAll());
        until(() -> !compare.isDisabled());
        robot.interact(() -> robot.lookup("#table").queryAs(TableView.class).getSelectionModel().clearAndSelect(0));
        until(compare::isDisabled);

        robot.interact(() -> main.ctx.sessions().logout(r -> { }));
        until(() -> main.fx.workspace.sessionInfo().isEmpty());
        main.login("alice", "alice_pwd");
        robot.interact(() -> main.model.keyList().select(shared));
        until(() -> text(robot, "#headingLabel").startsWith("Key " + shared));
        until(share::isDisabled);
        assertThat(tooltipOf(share)).startsWith("Only the key\u2019s owner, example_user (3), can share or unshare it.")
                .contains("0xc6");
    }

    /** The reason shows on the wrapper: a disabled control gets no mouse events for its own tooltip. */
    private static String tooltipOf(Button button) {
        Node wrapper = button.getParent();
        Object tip = wrapper.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof javafx.scene.control.Tooltip t ? t.getText() : button.getAccessibleHelp();
    }
}
