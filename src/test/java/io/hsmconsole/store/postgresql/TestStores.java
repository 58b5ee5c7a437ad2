package io.hsmconsole.store.postgresql;

import io.hsmconsole.model.UserType;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.NodeRecord;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.IntStream;

/** Cluster stores for the store tests: made on the throw-away server, nodes online without latency, CU users. */
final class TestStores {
    private TestStores() {
    }

    /** A new cluster in {@code clusterDir} with nodes 1 to {@code nodes} and the crypto users named, in order (ids from 1). */
    static PostgresClusterStore create(PostgresBackend backend, Path clusterDir, String name, int capacity, int nodes,
                                       String... users) {
        List<NodeRecord> online = IntStream.rangeClosed(1, nodes)
                .mapToObj(id -> new NodeRecord(id, true, 0, "3.4.0", new byte[32])).toList();
        return (PostgresClusterStore) backend.create(clusterDir, new ClusterRecord(name, "hsm1.medium", capacity, 0), online,
                tx -> {
                    for (String user : users) {
                        tx.insertUser(user, UserType.CU, null);
                    }
                    return null;
                }, new SecureRandom());
    }
}
