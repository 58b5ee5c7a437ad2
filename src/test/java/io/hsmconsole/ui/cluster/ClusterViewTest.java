package io.hsmconsole.ui.cluster;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the cluster view headless: offline badge, tamper → FAIL with its reason, restore → PASS, live keys. */
class ClusterViewTest extends ClusterViewWindow {
    @Start
    void start(Stage stage) {
        open(stage, 1200, 760);
    }

    @Test
    void offlineTamperAttestRestoreAndLiveKeys(FxRobot robot) {
        until(() -> text(robot, "#node-badge-2").equals("ACTIVE"));

        robot.clickOn("#online-2");
        until(() -> text(robot, "#node-badge-2").equals("OFFLINE"));
        assertThat(text(robot, "#online-2")).isEqualTo("Bring online");
        assertThat(text(robot, "#clusterNotice")).startsWith("Node 2 is offline");

        robot.clickOn("#tamper-1");
        until(() -> text(robot, "#node-badge-1").equals("TAMPERED"));
        robot.clickOn("#attest-1");
        until(() -> text(robot, "#detailsHeading").startsWith("Node 1: FAIL"));
        assertThat(text(robot, "#detailsReason")).startsWith("measurement mismatch");
        assertThat(text(robot, "#node-attestation-1")).startsWith("Last attestation: FAIL");
        assertThat(text(robot, "#detailsMeasured")).isNotEqualTo(text(robot, "#detailsExpected"));
        assertThat(robot.lookup("#cert-manufacturer-2").tryQuery()).isPresent();
        assertThat(robot.lookup("#cert-operator-2").tryQuery()).isPresent();

        robot.clickOn("#restore-1");
        until(() -> text(robot, "#node-badge-1").equals("ACTIVE"));
        // Keyboard: focus the button and press Space, as a keyboard user does after tabbing to it.
        robot.interact(() -> robot.lookup("#attest-1").query().requestFocus());
        robot.type(KeyCode.SPACE);
        until(() -> text(robot, "#detailsHeading").startsWith("Node 1: PASS"));
        assertThat(text(robot, "#detailsReason")).isEqualTo("Every check passed.");

        // A key made over another store connection (what a key_mgmt_util process does) shows up by itself.
        try (HsmCluster script = TestClusters.catalog(dir, fx.clock).open(fx.cluster.name())) {
            HsmSession s = TestClusters.login(script, "alice");
            s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "from_script"));
            s.close();
        }
        until(() -> text(robot, "#node-keys-0").startsWith("1 key held"));
        assertThat(text(robot, "#node-keys-2")).startsWith("0 keys held \u00b7 1 pending");
    }
}
