package io.hsmconsole.ui.common;

import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.TaskHandle;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a TestFX test of one screen needs: a fresh demo cluster (zero latency, manual clock) with a
 * name of its own, the workspace and cluster controller on the FX task runner, the console's
 * stylesheets, and clean-up. Errors the controllers report are collected for the test to check.
 */
public final class FxConsole implements AutoCloseable {
    public final ManualClock clock = new ManualClock(TestClusters.START);
    public final FxTaskRunner runner = new FxTaskRunner();
    public final List<Throwable> errors = new ArrayList<>();
    public final ClusterCatalog catalog;
    public final HsmCluster cluster;
    public final Workspace workspace;
    public final ClusterController clusterController;
    private final Path dir;
    private SessionController sessions;
    private TaskHandle watcher = TaskHandle.DONE;

    public FxConsole(Path dir) {
        this.dir = dir;
        catalog = TestClusters.catalog(dir, clock);
        cluster = catalog.createDemo("fx" + System.nanoTime(),
                new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), null));
        workspace = new Workspace(catalog, cluster);
        clusterController = new ClusterController(workspace, runner, errors::add);
    }

    /** Shows the screen in the stage with the console's stylesheets (they define the colours views use). */
    public void show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        new Themes().register(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** Starts the cluster watcher, as the console does after showing its window. */
    public void watch() {
        watcher = clusterController.watch();
    }

    public SessionController sessions() {
        if (sessions == null) {
            sessions = new SessionController(workspace, runner, errors::add);
        }
        return sessions;
    }

    /** The cluster's SQLite file, for tests that damage the store behind the simulator's back. */
    public Path storeFile() {
        return dir.resolve("clusters").resolve(cluster.name()).resolve("cluster.db");
    }

    @Override
    public void close() {
        watcher.cancel();
        if (sessions != null) {
            sessions.shutdown(); // ends the session and closes the cluster
        } else {
            cluster.close();
        }
        runner.close();
    }
}
