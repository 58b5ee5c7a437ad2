package io.hsmconsole.ui.main;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;


import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's tip in the real window: an HMAC (generic secret) key refuses to sign until its owner
 * sets OBJ_ATTR_SIGN in the inspector, then signs; verify likewise needs OBJ_ATTR_VERIFY, accepts
 * the signature over the same data and refuses it over other data. The console pane shows the
 * key_mgmt_util commands.
 */
class TryKeyWindowTest extends MainWindowTest {
    private long key;

    @Override
    void seed() {
        key = main.ownKey(GenSymKeyRequest.of(16, 32, "hmac"));
    }

    @Test
    void hmacIsRefusedUntilSignAndVerifyAreSetThenWorks(FxRobot robot) {
        main.showOwnKey(robot, key);
        until(() -> text(robot, "#headingLabel").equals("Key " + key + " \u2014 hmac"));
        robot.clickOn("Try the key");
        until(() -> text(robot, "#tryHeadingLabel").startsWith("Try key " + key + " (GENERIC_SECRET)"));
        assertThat(text(robot, "#tryRunButton")).isEqualTo("Sign");

        robot.clickOn("#tryDataArea").write("Pay 100 to carol");
        assertThat(text(robot, "#dataInfoLabel")).isEqualTo("16 bytes");
        robot.clickOn("#tryRunButton");
        until(() -> text(robot, "#tryNotice").startsWith("Key " + key + " may not sign"));
        assertThat(text(robot, "#tryNotice")).contains("its OBJ_ATTR_SIGN (264) is 0")
                .contains("setAttribute " + key + " 264 1").contains("0x40000028");

        robot.clickOn("Attributes");
        robot.clickOn("#edit-SIGN");
        until(() -> text(robot, "#statusLabel").equals("OBJ_ATTR_SIGN of key " + key + " changed."));
        robot.clickOn("Try the key");
        robot.clickOn("#tryRunButton");
        until(() -> text(robot, "#tryNotice").startsWith("Key " + key + " signed 16 bytes with HMAC-SHA-256 (-m 22)"));
        String signature = robot.lookup("#tryResultArea").queryAs(TextArea.class).getText();
        assertThat(signature).matches("([0-9A-F]{2} ){7}[0-9A-F]{2}(\\n([0-9A-F]{2} ){7}[0-9A-F]{2}){3}");

        // The panel scrolls (a user scrolls to the button too); "Verify it" verifies at once: same data,
        // the signature filled in (issue 19 item 10: it used to fill the form only).
        robot.interact(() -> robot.lookup("#tryHolder").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#followButton");
        until(() -> text(robot, "#tryNotice").contains("its OBJ_ATTR_VERIFY (266) is 0"),
                () -> text(robot, "#tryNotice"));
        assertThat(text(robot, "#tryRunButton")).isEqualTo("Verify");
        robot.clickOn("Attributes");
        robot.clickOn("#edit-VERIFY");
        until(() -> text(robot, "#statusLabel").equals("OBJ_ATTR_VERIFY of key " + key + " changed."));
        robot.clickOn("Try the key");
        robot.clickOn("#tryRunButton");
        until(() -> text(robot, "#tryNotice").startsWith("The signature is valid"));

        robot.clickOn("#tryDataArea").push(KeyCode.CONTROL, KeyCode.A).write("Pay 900 to carol");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        until(() -> text(robot, "#tryNotice").startsWith("Key " + key + " could not verify"));
        assertThat(text(robot, "#tryNotice")).contains("0x4000002c");

        robot.push(KeyCode.CONTROL, KeyCode.BACK_QUOTE);
        until(() -> robot.lookup("#transcript").tryQuery().isPresent());
        String transcript = robot.lookup("#transcript").queryAs(TextArea.class).getText();
        assertThat(transcript).contains("Command: sign -f <data file> -k " + key + " -m 22 -out <signature file>\n\n"
                + "\tCfm3Sign returned: 0x40000028")
                .contains("Command: verify -f <data file> -s <signature file> -k " + key + " -m 22\n\n"
                        + "\tSignature verification successful");
        assertThat(main.dialogs.errors).isEmpty();
    }
}
