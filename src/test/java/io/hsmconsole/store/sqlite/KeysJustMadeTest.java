package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.ListingCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key is read right after it is made (pkcs11-tool prints the key it made, the PKCS#11 endpoint checks
 * its flags), so the store that committed it answers that read from what it wrote, without a query:
 * exactly what the file holds (shares and copies in the order a read gives them, a material of the
 * caller's own), and never a key whose write did not commit — rolled back whole, or undone alone in
 * its savepoint inside a batch of shared writes.
 */
class KeysJustMadeTest {
    @TempDir
    Path clusterDir;
    SqliteClusterStore store;
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void createStore() {
        store = ScratchStores.create(clusterDir, "made", List.of(ScratchStores.node(1, true, 0), ScratchStores.node(2, true, 5),
                ScratchStores.node(3, false, 5)), "cu", "cu2", "cu3");
    }

    @AfterEach
    void closeStore() {
        threads.shutdownNow();
        store.close();
    }

    @Test
    void aKeyJustMadeIsReadAsTheFileHoldsItWithoutAQuery() {
        // Shares and copies given out of order: a read returns them by user and by node.
        KeyRecord written = key(100).toBuilder().sharedWith(List.of(3, 2)).kcv(new byte[] {1, 2, 3}).id("id-100")
                .flags(0x1234).mValue(1).build();
        List<KeyCopy> copies = List.of(new KeyCopy(100, 3, null), new KeyCopy(100, 1, 7L), new KeyCopy(100, 2, 12L));
        store.write(tx -> {
            tx.insertKey(written, copies);
            return null;
        });
        Arrays.fill(written.material(), (byte) 0x55);

        long wholeReads = ListingCache.wholeReads();
        KeyRecord remembered = store.key(100).orElseThrow();
        List<KeyCopy> rememberedCopies = store.copies(100);
        assertThat(ListingCache.wholeReads()).as("both answered from what the write left, no query").isEqualTo(wholeReads);

        try (SqliteClusterStore fresh = SqliteClusterStore.open(clusterDir, new SecureRandom())) {
            assertThat(remembered).usingRecursiveComparison().isEqualTo(fresh.key(100).orElseThrow());
            assertThat(rememberedCopies).isEqualTo(fresh.copies(100));
        }
        assertThat(remembered.material()).as("the caller's later wipe did not reach the store's memory")
                .isEqualTo(new byte[32]);
        Arrays.fill(remembered.material(), (byte) 0x66);
        assertThat(store.key(100).orElseThrow().material()).as("nor a reader's").isEqualTo(new byte[32]);
    }

    @Test
    void aWriteRolledBackLeavesNoKeyToRead() {
        assertThatThrownBy(() -> store.write(tx -> {
            tx.insertKey(key(200), List.of(new KeyCopy(200, 1, 0L)));
            throw new IllegalStateException("refused after the insert");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.key(200)).isEmpty();
        assertThat(store.copies(200)).isEmpty();
    }

    @Test
    void aSharedWriteUndoneInsideItsBatchLeavesNoKeyToRead() throws Exception {
        CountDownLatch firstIsInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<Long> first = threads.submit(() -> store.writeShared(tx -> {
            firstIsInside.countDown();
            await(releaseFirst);
            tx.insertKey(key(300), List.of(new KeyCopy(300, 1, 0L)));
            return 300L;
        }));
        assertThat(firstIsInside.await(30, TimeUnit.SECONDS)).isTrue();
        List<Future<Long>> batch = new ArrayList<>();
        batch.add(threads.submit(() -> store.writeShared(tx -> {
            tx.insertKey(key(301), List.of(new KeyCopy(301, 1, 0L)));
            return 301L;
        })));
        // Inserts a key, then fails: its savepoint is undone, the others of the batch commit.
        batch.add(threads.submit(() -> store.writeShared(tx -> {
            tx.insertKey(key(302), List.of(new KeyCopy(302, 1, 0L)));
            throw new IllegalStateException("refused after the insert");
        })));
        batch.add(threads.submit(() -> store.writeShared(tx -> {
            tx.insertKey(key(303), List.of(new KeyCopy(303, 1, 0L)));
            return 303L;
        })));
        ScratchStores.untilQueued(store, 3);
        releaseFirst.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(300L);
        assertThat(batch.get(0).get(30, TimeUnit.SECONDS)).isEqualTo(301L);
        assertThatThrownBy(() -> batch.get(1).get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(batch.get(2).get(30, TimeUnit.SECONDS)).isEqualTo(303L);
        assertThat(store.key(302)).as("undone in its savepoint").isEmpty();
        assertThat(store.copies(302)).isEmpty();
        for (long handle : new long[] {300, 301, 303}) {
            assertThat(store.key(handle)).as("committed key %d", handle).isPresent();
        }
    }

    private static KeyRecord key(long handle) {
        return ScratchStores.key(handle);
    }

    private static void await(CountDownLatch latch) {
        ScratchStores.await(latch);
    }
}
