package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;

import java.nio.file.Path;

/**
 * What a command-line tool runs with once the launcher options are read: the clusters of the data
 * folder, the simulator's clock (a manual one in tests), the cluster chosen with {@code --cluster}
 * (null: the demo cluster), the console and the folder relative file names are resolved against.
 */
public record ToolContext(ClusterCatalog catalog, HsmClock clock, String clusterName, Console console, Path workDir) {

    /** Opens the chosen cluster (the demo cluster is created on first use); the caller closes it. */
    public HsmCluster openCluster() {
        return ClusterOpener.open(catalog, clusterName);
    }
}
