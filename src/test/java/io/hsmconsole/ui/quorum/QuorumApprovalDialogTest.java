package io.hsmconsole.ui.quorum;

import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.LoginOutcome;
import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.hsmconsole.ui.common.FxConsole;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A share of a key with m_value 2 goes through the approval window: two approvers type their
 * passwords with the keyboard, the window closes itself, and the share the HSM refused before succeeds.
 */
@ExtendWith(ApplicationExtension.class)
class QuorumApprovalDialogTest {
    @TempDir
    static Path dir;
    private final AtomicReference<HsmResult<Void>> shareResult = new AtomicReference<>();
    private final AtomicReference<LoginOutcome> login = new AtomicReference<>();
    private FxConsole fx;

    @Start
    void start(Stage stage) {
        fx = new FxConsole(dir);
        HsmSession owner = TestClusters.login(fx.cluster, "example_user");
        long key = owner.generateSymmetricKey(GenSymKeyRequest.of(16, 256, "generic-mV2").withMValue(2)
                .withShareWith(List.of(6))).value().handle();
        owner.close();
        KeyController keys = new KeyController(fx.workspace, fx.runner, fx.errors::add);
        QuorumApprovalDialog approvals = new QuorumApprovalDialog(
                new QuorumController(fx.workspace, fx.runner, fx.errors::add), Messages.load(), new Themes(),
                () -> stage);
        Button share = new Button("Share with alice");
        share.setId("shareButton");
        share.setOnAction(e -> approvals.approve(new QuorumRequest(key, QuorumPurpose.MANAGE, "share key " + key,
                        List.of("shareKey " + key + " 4 1")),
                pass -> keys.setSharing(key, List.of(6, 4), shareResult::set), () -> { }));
        fx.show(stage, new StackPane(share), 400, 200);
        fx.sessions().login(fx.cluster.name(), "example_user", "example_pwd".toCharArray(), login::set);
    }

    @AfterEach
    void stop() {
        fx.close();
        assertThat(fx.errors).isEmpty();
    }

    private static Window approvalWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Quorum approval".equals(s.getTitle()))
                .findFirst().orElse(null);
    }

    @Test
    void twoApproversTypeTheirPasswordsAndTheShareRuns(FxRobot robot) {
        until(() -> login.get() != null && login.get().result().isSuccess()); // the login runs in the background
        robot.clickOn("#shareButton");
        until(() -> approvalWindow() != null && text(robot, "#quorumProgress").equals("0 of 2 approvals collected"));
        robot.targetWindow(approvalWindow());
        assertThat(text(robot, "#approver-status-example_user")).isEqualTo("waiting");

        // The first waiting approver's password field has the focus: type, Enter.
        until(() -> robot.lookup("#approver-password-example_user").query().isFocused());
        robot.write("example_pwd");
        robot.type(KeyCode.ENTER);
        until(() -> text(robot, "#quorumProgress").equals("1 of 2 approvals collected"));
        assertThat(text(robot, "#approver-status-example_user")).isEqualTo("approved \u2713");

        // A wrong password is refused by the HSM and shown; then the right one.
        until(() -> robot.lookup("#approver-password-carol").query().isFocused());
        robot.write("not_carols");
        robot.type(KeyCode.ENTER);
        until(() -> text(robot, "#quorumNotice").startsWith("The approval by carol was refused"));
        robot.write("carol_pwd");
        robot.type(KeyCode.ENTER);

        until(() -> shareResult.get() != null, () -> "notice: " + text(robot, "#quorumNotice"));
        assertThat(shareResult.get().code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(approvalWindow()).isNull();
    }
}
