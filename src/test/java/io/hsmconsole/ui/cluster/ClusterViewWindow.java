package io.hsmconsole.ui.cluster;

import io.hsmconsole.controller.NodeController;
import io.hsmconsole.ui.common.FxConsole;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster view alone in a headless window of the given size, over a fresh demo cluster, watched as the console does. */
@ExtendWith(ApplicationExtension.class)
abstract class ClusterViewWindow {
    @TempDir
    Path dir;
    FxConsole fx;

    /** Called from each test class's own {@code @Start} method (TestFX looks for it in the test class only). */
    void open(Stage stage, double width, double height) {
        fx = new FxConsole(dir);
        NodeController nodes = new NodeController(fx.workspace, fx.runner, fx.errors::add, fx.clusterController);
        fx.show(stage, ClusterView.create(fx.clusterController, nodes, Messages.load(), new RecordingDialogs()).root(),
                width, height);
        fx.watch();
    }

    @AfterEach
    void stop() {
        fx.close();
        assertThat(fx.errors).isEmpty();
    }
}
