package io.hsmconsole.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * A kind of cluster store (SQLite today): how a cluster's store is found, opened and created. The
 * entry points in {@code app} choose one and pass it to the simulator's {@code ClusterCatalog}, which
 * never names an implementation. Every cluster has its own owner-only folder in the data directory
 * ({@code clusterDir}, named after the cluster); a backend keeps its files, or at least its secrets,
 * there.
 */
public interface StoreBackend {
    // Implementations say with equals/hashCode whether two instances keep the same clusters (the same
    // server and database): the client daemon then keeps one open store per cluster for both.

    /** True when the folder holds a cluster of this backend (it may still turn out to be damaged). */
    boolean exists(Path clusterDir);

    /**
     * Whether the cluster of this folder could be opened from here, asked without opening, creating or
     * changing anything (the console's "Test connection"): never throws for what it finds.
     */
    StoreCheck check(Path clusterDir);

    /** Opens an existing cluster's store; a damaged, foreign or newer one is reported and never modified. */
    ClusterStore open(Path clusterDir, SecureRandom random);

    /**
     * Creates a cluster's store with its cluster record, nodes and whatever {@code seed} writes, all or
     * nothing: a failure leaves no cluster (and no name taken) behind. Returns it open.
     */
    ClusterStore create(Path clusterDir, ClusterRecord cluster, List<NodeRecord> nodes, ClusterStore.Work<?> seed,
                        SecureRandom random);
}
