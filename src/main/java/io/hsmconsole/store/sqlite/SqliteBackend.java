package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreBackend;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/** Clusters kept in SQLite: {@code cluster.db} and {@code master.key} in the cluster's folder ({@link SqliteClusterStore}). */
public final class SqliteBackend implements StoreBackend {

    @Override
    public boolean exists(Path clusterDir) {
        return SqliteClusterStore.exists(clusterDir);
    }

    @Override
    public ClusterStore open(Path clusterDir, SecureRandom random) {
        return SqliteClusterStore.open(clusterDir, random);
    }

    @Override
    public ClusterStore create(Path clusterDir, ClusterRecord cluster, List<NodeRecord> nodes, ClusterStore.Work<?> seed,
                               SecureRandom random) {
        return SqliteClusterStore.create(clusterDir, cluster, nodes, seed, random);
    }

    /** Every SQLite backend keeps the same clusters (those of the folder it is given). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SqliteBackend;
    }

    @Override
    public int hashCode() {
        return SqliteBackend.class.hashCode();
    }
}
