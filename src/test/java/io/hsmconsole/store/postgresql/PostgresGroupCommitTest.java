package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit on PostgreSQL, where a write answers the cluster row's counters, the nodes and the
 * audit chain's last hash from what its lock read and writes them back once ({@code LockedCluster}):
 * a request that fails inside a shared batch after taking a handle, appending an audit record and
 * inserting a key leaves none of it, not in the rows and not in what the batch's later requests are
 * told (the next handle, the next audit sequence number and hash); a fresh store finds exactly what
 * was acknowledged, with the count, the counters and the audit chain intact.
 */
class PostgresGroupCommitTest {

    @TempDir
    Path clusterDir;
    PostgresBackend backend;
    PostgresClusterStore store;
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void createStore() {
        backend = new PostgresBackend(PostgresServer.get().newDatabase());
        store = TestStores.create(backend, clusterDir, "group", 1000, 1, "cu");
    }

    @AfterEach
    void closeStore() {
        threads.shutdownNow();
        store.close();
    }

    /**
     * The batch under the lock, each request in a savepoint (its requests ask what only the lock
     * answers); afterwards the next key is one statement answered from what the batch committed,
     * which must not be what the failed requests had moved.
     */
    @Test
    void aRequestThatFailsInsideABatchUnderTheLockLeavesNoHandleKeyCountOrAuditRecordBehind() throws Exception {
        failingRequestsInABatch(true);
    }

    /** The same batch in one statement ({@code OptimisticBatch}): a failed request is dropped from it. */
    @Test
    void aRequestThatFailsInsideABatchInOneStatementLeavesNoHandleKeyCountOrAuditRecordBehind() throws Exception {
        failingRequestsInABatch(false);
    }

    private void failingRequestsInABatch(boolean underTheLock) throws Exception {
        long handlesBefore = store.counters().handleCounter();
        CountDownLatch firstIsInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<Long> first = threads.submit(() -> store.writeShared(tx -> {
            firstIsInside.countDown();
            await(releaseFirst);
            return makeKey(tx);
        }));
        assertThat(firstIsInside.await(30, TimeUnit.SECONDS)).isTrue();

        List<Future<Long>> mates = new ArrayList<>();
        List<Future<Long>> failing = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            boolean fails = i % 2 == 1;
            (fails ? failing : mates).add(threads.submit(() -> store.writeShared(tx -> {
                if (underTheLock) {
                    tx.countKeysOwnedBy(ChainedKeys.OWNER); // answered only under the lock
                }
                long handle = makeKey(tx);
                if (fails) {
                    throw new StoreException(clusterDir, "refused after key " + handle);
                }
                return handle;
            })));
        }
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (store.sharedWritesWaiting() < 5 && System.nanoTime() < giveUpAt) {
            Thread.sleep(5);
        }
        assertThat(store.sharedWritesWaiting()).as("requests queued behind the first").isEqualTo(5);
        releaseFirst.countDown();

        List<Long> acknowledged = new ArrayList<>(List.of(first.get(30, TimeUnit.SECONDS)));
        for (Future<Long> mate : mates) {
            acknowledged.add(mate.get(30, TimeUnit.SECONDS));
        }
        for (Future<Long> f : failing) {
            assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
        }
        assertThat(acknowledged).as("each request that committed got the next handle")
                .containsExactlyInAnyOrder(handlesBefore, handlesBefore + 1, handlesBefore + 2, handlesBefore + 3);
        OptimisticBatch.Outcomes before = store.optimisticOutcomes();
        acknowledged.add(store.writeShared(PostgresGroupCommitTest::makeKey));
        assertThat(store.optimisticOutcomes().committed()).as("the next key in one statement").isEqualTo(before.committed() + 1);
        assertThat(acknowledged.get(4)).isEqualTo(handlesBefore + 4);

        store.close();
        store = (PostgresClusterStore) backend.open(clusterDir, new SecureRandom());
        assertThat(store.tokenKeyCount()).isEqualTo(5);
        assertThat(store.counters().handleCounter()).isEqualTo(handlesBefore + 5);
        for (long handle : acknowledged) {
            assertThat(store.key(handle)).as("acknowledged key %d", handle).isPresent();
        }
        List<AuditRecord> audit = store.auditRecords(0, 100);
        assertThat(audit).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        for (int i = 1; i < audit.size(); i++) {
            assertThat(audit.get(i).previousHash()).as("record %d links to the one before", i + 1)
                    .isEqualTo(audit.get(i - 1).hash());
        }
        assertThat(store.auditHighWater()).isEqualTo(5);
    }

    /** What a key creation writes: the next handle, an audit record chained to the last, the key. */
    private static long makeKey(ClusterStore.Transaction tx) {
        return ChainedKeys.make(tx, handle -> List.of(new KeyCopy(handle, 1, 0L)));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
