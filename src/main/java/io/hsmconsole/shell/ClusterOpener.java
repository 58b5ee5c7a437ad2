package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;

/** Opens the cluster a shell run works on: the named one, or the demo cluster (created on first use). */
public final class ClusterOpener {
    private ClusterOpener() {
    }

    public static HsmCluster open(ClusterCatalog catalog, String clusterName) {
        if (clusterName == null || clusterName.equals(ClusterCatalog.DEMO_CLUSTER)) {
            return catalog.openOrCreateDemo();
        }
        return catalog.open(clusterName);
    }
}
