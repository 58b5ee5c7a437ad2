package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmCluster;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The open cluster as the console shows it: nodes, users, key count and each node's last
 * attestation, kept current. A watcher looks a few times a second, so a key (or an {@code -attest}
 * verdict) made by a {@code key_mgmt_util} script in another process, or on another machine in team
 * mode, shows up within a second: it reads the store's change counter on each tick (SQLite), or
 * only after the store told it of a commit ({@link ChangeSignal}: PostgreSQL's notifications, so
 * an idle console sends the server nothing). While a node is syncing it re-reads on every tick,
 * because coverage then changes with time alone.
 */
public final class ClusterController {
    /** How often the watcher looks for changes: well under the one second the product promises. */
    public static final Duration WATCH_PERIOD = Duration.ofMillis(250);

    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final ReadOnlyObjectWrapper<ClusterSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private volatile long lastCounter = Long.MIN_VALUE;
    private volatile boolean lastSyncing;
    private volatile String lastFailure;
    private final ChangeSignal signal = new ChangeSignal();

    public ClusterController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
        workspace.locationProperty().addListener((obs, old, now) -> refresh());
    }

    /** The latest reading, or null before the first one arrives. */
    public ReadOnlyObjectProperty<ClusterSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Called on the UI thread whenever the cluster changed or replication moved on. */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    public void removeChangeListener(Runnable listener) {
        changeListeners.remove(listener);
    }

    /** Reads the cluster now (in the background) and publishes the snapshot. */
    public void refresh() {
        HsmCluster cluster = workspace.cluster();
        if (cluster != null) {
            runner.run(BackgroundWork.named("read cluster", p -> read(cluster), onError).onSuccess(read -> publish(cluster, read)));
        }
    }

    /** Starts watching the open cluster for changes; cancel the handle to stop. */
    public TaskHandle watch() {
        TaskHandle ticks = runner.repeat("hsm-console-watch", WATCH_PERIOD, this::checkForChanges);
        return () -> {
            ticks.cancel();
            signal.close();
        };
    }

    /** One look at the store: cheap when nothing changed (a single counter read). */
    void checkForChanges() {
        HsmCluster cluster = workspace.cluster();
        if (cluster == null) {
            return; // still opening
        }
        if (!lastSyncing && !signal.mayHaveChanged(cluster)) {
            return;
        }
        ClusterSnapshot read;
        try {
            long counter = cluster.changeCounter();
            if (counter == lastCounter && !lastSyncing) {
                return;
            }
            read = read(cluster);
        } catch (RuntimeException e) {
            signal.lookAgain();
            reportOnce(cluster, e);
            return;
        }
        lastFailure = null;
        runner.onUiThread(() -> publish(cluster, read));
    }

    /**
     * The watcher looks again four times a second, and a store that cannot be read usually stays so
     * (a damaged row, a file gone): the user hears about a failure once, and again only when it changes
     * or after the store could be read in between.
     */
    private void reportOnce(HsmCluster cluster, RuntimeException e) {
        String failure = e.getClass().getName() + ": " + e.getMessage();
        if (failure.equals(lastFailure)) {
            return;
        }
        lastFailure = failure;
        // A cluster the console switched away from is closed once it is no longer the workspace's:
        // a read of it that fails then is not an error, the next check reads the new one.
        runner.onUiThread(() -> {
            if (workspace.cluster() == cluster) {
                onError.accept(e);
            }
        });
    }

    private ClusterSnapshot read(HsmCluster cluster) {
        long counter = cluster.changeCounter();
        Map<Integer, NodeAttestation> attestations = new HashMap<>();
        cluster.lastAttestations().forEach((node, report) -> attestations.put(node, NodeAttestation.of(report)));
        ClusterSnapshot read = new ClusterSnapshot(cluster.info(), cluster.nodes(), cluster.users(), attestations,
                counter, cluster.tokenKeysBelowAvailabilityQuorum());
        lastCounter = counter;
        lastSyncing = read.syncing();
        return read;
    }

    private void publish(HsmCluster from, ClusterSnapshot read) {
        if (from != workspace.cluster()) {
            return; // read from a cluster the user has switched away from meanwhile (maybe of the same name)
        }
        snapshot.set(read);
        changeListeners.forEach(Runnable::run);
    }
}
