package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
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
 * Group commit in the store: requests queued behind a running batch commit together in the next
 * one, a request that fails inside that batch is undone alone, and everything acknowledged is in
 * the store when it is opened again.
 */
class GroupCommitTest {
    @TempDir
    Path clusterDir;
    SqliteClusterStore store;
    ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void createStore() {
        store = ScratchStores.create(clusterDir, "group", List.of(ScratchStores.node(1, true, 0)), "cu");
    }

    @AfterEach
    void closeStore() {
        threads.shutdownNow();
        store.close();
    }

    @Test
    void requestsQueuedBehindABatchCommitTogetherAndAFailingOneFailsAlone() throws Exception {
        // Read before the first request takes the store (reads wait for a running write).
        long commitsBefore = store.changeCounter();
        CountDownLatch firstIsInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<Long> first = threads.submit(() -> store.writeShared(tx -> {
            firstIsInside.countDown();
            await(releaseFirst);
            tx.insertKey(key(100), copies(100));
            return 100L;
        }));
        assertThat(firstIsInside.await(30, TimeUnit.SECONDS)).isTrue();

        List<Future<Long>> mates = new ArrayList<>();
        for (long handle : new long[]{101, 102, 104}) {
            mates.add(threads.submit(() -> store.writeShared(tx -> {
                tx.insertKey(key(handle), copies(handle));
                return handle;
            })));
        }
        // Handle 100 is taken by the first request: this one breaks the primary key inside the batch.
        Future<Long> duplicate = threads.submit(() -> store.writeShared(tx -> {
            tx.insertKey(key(103), copies(103));
            tx.insertKey(key(100), copies(100));
            return 100L;
        }));
        ScratchStores.untilQueued(store, 4);
        releaseFirst.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(100L);
        for (Future<Long> mate : mates) {
            assertThat(mate.get(30, TimeUnit.SECONDS)).isBetween(101L, 104L);
        }
        assertThatThrownBy(() -> duplicate.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StoreException.class);
        // Two commits: the first request's, then one for the four queued behind it.
        assertThat(store.changeCounter() - commitsBefore).isEqualTo(2);

        store.close();
        store = SqliteClusterStore.open(clusterDir, new SecureRandom());
        for (long handle : new long[]{100, 101, 102, 104}) {
            assertThat(store.key(handle)).as("acknowledged key %d", handle).isPresent();
            assertThat(store.copies(handle)).hasSize(1);
        }
        // The failing request's first insert was undone with it.
        assertThat(store.key(103)).isEmpty();
        assertThat(store.tokenKeyCount()).isEqualTo(4);
    }

    @Test
    void manyWritersGetEveryAcknowledgedKeyStoredWithUniqueCounters() throws Exception {
        int writers = 8;
        int keysEach = 40;
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            results.add(threads.submit(() -> {
                List<Long> handles = new ArrayList<>();
                for (int i = 0; i < keysEach; i++) {
                    handles.add(store.writeShared(tx -> {
                        long handle = tx.nextHandleCounter();
                        tx.insertKey(key(handle), copies(handle));
                        return handle;
                    }));
                }
                return handles;
            }));
        }
        List<Long> acknowledged = new ArrayList<>();
        for (Future<List<Long>> r : results) {
            acknowledged.addAll(r.get(120, TimeUnit.SECONDS));
        }

        assertThat(acknowledged).hasSize(writers * keysEach).doesNotHaveDuplicates();
        store.close();
        store = SqliteClusterStore.open(clusterDir, new SecureRandom());
        assertThat(store.tokenKeyCount()).isEqualTo(writers * keysEach);
        for (long handle : acknowledged) {
            assertThat(store.key(handle)).as("acknowledged key %d", handle).isPresent();
        }
    }

    private static KeyRecord key(long handle) {
        return ScratchStores.key(handle);
    }

    private static List<KeyCopy> copies(long handle) {
        return List.of(new KeyCopy(handle, 1, 0L));
    }

    private static void await(CountDownLatch latch) {
        ScratchStores.await(latch);
    }
}
