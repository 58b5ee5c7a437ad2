package io.hsmconsole.ui.main;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;

import static io.hsmconsole.ui.main.FxMainWindow.window;
import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quorum in the real window: a key with m_value 2 shared with alice; sharing it with bob through
 * the picker is refused by the HSM for want of approvals, so the approval window opens with the key's
 * owner and alice; a wrong password is refused, then both approve and the share happens.
 */
class QuorumShareWindowTest extends MainWindowTest {
    private long key;

    @Override
    void seed() {
        key = main.ownKey(GenSymKeyRequest.of(31, 32, "guarded").withMValue(2).withShareWith(List.of(4)));
    }

    @Test
    void sharingAQuorumKeyAsksForApprovalsThenHappens(FxRobot robot) {
        main.showOwnKey(robot, key);
        until(() -> text(robot, "#quorumValue").startsWith("m_value 2"));
        assertThat(text(robot, "#quorumValue")).isEqualTo("m_value 2: 2 approvals per use or change");
        assertThat(text(robot, "#approversValue")).isEqualTo("example_user (3), alice (4)");

        robot.clickOn("#shareButton");
        until(() -> window("Share key") != null);
        robot.targetWindow(window("Share key"));
        assertThat(text(robot, "#noteLabel")).contains("This key has quorum (m_value 2)");
        tick(robot, "bob (5)");
        robot.clickOn("#applyButton");

        until(() -> window("Quorum approval") != null && text(robot, "#quorumProgress")
                .equals("0 of 2 approvals collected"));
        robot.targetWindow(window("Quorum approval"));
        assertThat(text(robot, "#explanationLabel")).contains("Key " + key + " needs 2 approvals");
        assertThat(robot.from(window("Quorum approval").getScene().getRoot()).lookup(".label")
                .queryAllAs(Label.class)).extracting(Label::getText)
                .contains("example_user (3) \u2014 owner", "alice (4) \u2014 shared user")
                .noneMatch(t -> t.startsWith("bob"));

        robot.clickOn("#approver-password-alice").write("not_alices").type(KeyCode.ENTER);
        until(() -> text(robot, "#quorumNotice").startsWith("The approval by alice was refused"));
        assertThat(text(robot, "#quorumNotice")).contains("0xa3");
        assertThat(text(robot, "#quorumProgress")).isEqualTo("0 of 2 approvals collected");

        robot.write("alice_pwd").type(KeyCode.ENTER);
        until(() -> text(robot, "#quorumProgress").equals("1 of 2 approvals collected"));
        until(() -> robot.lookup("#approver-password-example_user").query().isFocused());
        robot.write("example_pwd").type(KeyCode.ENTER);

        until(() -> window("Quorum approval") == null && window("Share key") == null,
                () -> "errors shown: " + main.dialogs.errors);
        robot.targetWindow(window("HSM Key Console"));
        until(() -> text(robot, "#sharedValue").equals("alice (4), bob (5)"));
        assertThat(main.dialogs.errors).isEmpty();
        assertThat(main.fx.cluster.users()).isNotEmpty();
    }

    private static void tick(FxRobot robot, String user) {
        Node box = robot.lookup(".check-box").match(n -> n.getParent() != null
                && n.getParent().toString().contains(user)).tryQuery().orElseGet(() -> robot.lookup(user).query());
        robot.clickOn(box instanceof CheckBox ? box : robot.lookup(user).query());
    }
}
