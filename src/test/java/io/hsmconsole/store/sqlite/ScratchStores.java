package io.hsmconsole.store.sqlite;

import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Small SQLite stores for the write-path tests: a cluster of given nodes and crypto users, plain keys, batches. */
final class ScratchStores {
    private ScratchStores() {
    }

    /** A new store of cluster {@code name} with these nodes and crypto users (ids 1, 2, … in this order). */
    static SqliteClusterStore create(Path dir, String name, List<NodeRecord> nodes, String... cryptoUsers) {
        return SqliteClusterStore.create(dir, new ClusterRecord(name, "hsm1.medium", 1000, 0), nodes, tx -> {
            for (String user : cryptoUsers) {
                tx.insertUser(user, UserType.CU, null);
            }
            return null;
        }, new SecureRandom());
    }

    static NodeRecord node(int id, boolean online, long latencyMillis) {
        return new NodeRecord(id, online, latencyMillis, "3.4.0", new byte[32]);
    }

    /** An AES key of user 1 on node 1 with a zero material. */
    static KeyRecord key(long handle) {
        return KeyRecord.builder().handle(handle).ownerId(1).keyClass(KeyClass.SECRET_KEY).keyType(KeyAlgorithm.AES)
                .sizeBytes(32).label("k" + handle).originNode(1).material(new byte[32]).build();
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (at most 30 s) until {@code count} shared writes are queued behind the running batch. */
    static void untilQueued(SqliteClusterStore store, int count) throws InterruptedException {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (store.sharedWritesWaiting() < count && System.nanoTime() < giveUpAt) {
            Thread.sleep(5);
        }
        assertThat(store.sharedWritesWaiting()).as("requests queued behind the first").isEqualTo(count);
    }
}
