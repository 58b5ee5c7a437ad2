package io.hsmconsole.ui.cluster;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.ui.common.FxScroll;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the cluster view headless: taking the nodes offline until a token key is on one online HSM shows
 * the key availability warning (Client SDK 5 applications cannot use it), wrapped within the window; a
 * node back online removes it.
 */
class ClusterAvailabilityViewTest extends ClusterViewWindow {
    @Start
    void start(Stage stage) {
        open(stage, 900, 600);
    }

    @Test
    void aKeyOnOneOnlineHsmIsFlaggedUntilItsNodeComesBack(FxRobot robot) {
        try (HsmCluster script = TestClusters.catalog(dir, fx.clock).open(fx.cluster.name())) {
            HsmSession s = TestClusters.login(script, "alice");
            s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "spread"));
            s.close();
        }
        until(() -> text(robot, "#node-keys-1").startsWith("1 key held") && text(robot, "#node-keys-2").startsWith("1 key held"));
        Label warning = robot.lookup("#availabilityWarning").queryAs(Label.class);
        assertThat(warning.isVisible()).isFalse();

        FxScroll.clickOn(robot, "#online-1");
        until(() -> text(robot, "#node-badge-1").equals("OFFLINE"));
        assertThat(warning.isVisible()).as("nodes 0 and 2 still hold it").isFalse();
        FxScroll.clickOn(robot, "#online-2");
        until(warning::isVisible);
        assertThat(warning.getText()).startsWith("1 token key is on fewer than 2 online HSMs")
                .contains("The key must be available on at least 2 HSMs before being used");
        assertThat(warning.getStyleClass()).contains("notice-warning");
        // Wrapped within the window, not cut off at its edge.
        assertThat(warning.localToScene(warning.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(warning.getScene().getWidth());

        FxScroll.clickOn(robot, "#online-2");
        until(() -> !warning.isVisible());
    }
}
