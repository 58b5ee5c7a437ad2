package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.NodeRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared writes on PostgreSQL in one statement ({@code OptimisticBatch}): a store answers a key
 * creation from the cluster row's state as its own last commit left it and sends it with a check that
 * the row is still there. Two stores on one cluster are two machines: whatever the other commits in
 * between (a key deleted, a node taken offline, audit records, keys) sends the next write down the
 * locked path, and nothing is lost, duplicated or mis-chained; the key count, the handle counter, the
 * nodes a key is copied to and the audit chain are the server's, not the stale memory's.
 */
class PostgresOptimisticWriteTest {

    @TempDir
    Path clusterDir;
    PostgresBackend backend;
    PostgresClusterStore ours;
    PostgresClusterStore other;
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void createStores() {
        backend = new PostgresBackend(PostgresServer.get().newDatabase());
        ours = TestStores.create(backend, clusterDir, "optimistic", 1000, 2, "cu");
        other = (PostgresClusterStore) backend.open(clusterDir, new SecureRandom());
    }

    @AfterEach
    void closeStores() {
        threads.shutdownNow();
        ours.close();
        other.close();
    }

    @Test
    void aKeyCreationAfterOurOwnCommitIsOneStatement() {
        ours.writeShared(PostgresOptimisticWriteTest::makeKey); // the first learns the row under the lock
        OptimisticBatch.Outcomes before = ours.optimisticOutcomes();

        long second = ours.writeShared(PostgresOptimisticWriteTest::makeKey);
        long third = ours.writeShared(PostgresOptimisticWriteTest::makeKey);

        assertThat(ours.optimisticOutcomes()).isEqualTo(new OptimisticBatch.Outcomes(before.committed() + 2, before.stale()));
        assertThat(third).isEqualTo(second + 1);
        assertIntact(other, 3);
    }

    @Test
    void aKeyDeletedOnTheOtherMachineBetweenOurWritesIsCountedByTheServer() {
        long first = ours.writeShared(PostgresOptimisticWriteTest::makeKey);
        ours.writeShared(PostgresOptimisticWriteTest::makeKey);
        other.write(tx -> {
            tx.deleteKey(first);
            return null;
        });

        ours.writeShared(PostgresOptimisticWriteTest::makeKey);

        // Had our statement trusted its memory, the count would say three keys.
        assertIntact(ours, 2);
        assertThat(ours.optimisticOutcomes().stale()).as("our remembered state was found stale").isEqualTo(1);
    }

    @Test
    void aNodeTakenOfflineOnTheOtherMachineGetsNoCopyFromOurNextKey() {
        ours.writeShared(PostgresOptimisticWriteTest::makeKey);
        other.write(tx -> {
            tx.upsertNode(new NodeRecord(2, false, 0, "3.4.0", new byte[32]));
            return null;
        });

        long made = ours.writeShared(PostgresOptimisticWriteTest::makeKey);

        assertThat(ours.copies(made)).as("node 2 is offline: its copy is pending")
                .contains(new KeyCopy(made, 2, null));
        assertIntact(ours, 2);
    }

    @Test
    void twoMachinesMakingKeysAtOnceLoseDuplicateAndMisChainNothing() throws Exception {
        List<Future<List<Long>>> writers = new ArrayList<>();
        for (PostgresClusterStore store : List.of(ours, other, ours, other, ours, other)) {
            writers.add(threads.submit(() -> {
                List<Long> made = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    made.add(store.writeShared(PostgresOptimisticWriteTest::makeKey));
                }
                return made;
            }));
        }
        Set<Long> acknowledged = new HashSet<>();
        for (Future<List<Long>> writer : writers) {
            for (long handle : writer.get(120, TimeUnit.SECONDS)) {
                assertThat(acknowledged.add(handle)).as("handle %d given once", handle).isTrue();
            }
        }

        for (long handle : acknowledged) {
            assertThat(other.key(handle)).as("acknowledged key %d", handle).isPresent();
        }
        assertIntact(other, 240);
        assertThat(ours.optimisticOutcomes().committed() + other.optimisticOutcomes().committed())
                .as("some batches went in one statement").isPositive();
    }

    /**
     * The server's state is whole: the count is the rows', the handle counter is past every key, the
     * audit chain has one record per key, numbered without gaps, each linked to the one before.
     */
    private static void assertIntact(PostgresClusterStore store, int keys) {
        assertThat(store.tokenKeyCount()).as("the key count").isEqualTo(keys);
        assertThat(store.findKeys(io.hsmconsole.store.KeyFilter.all())).hasSize(keys);
        long maxHandle = store.findKeys(io.hsmconsole.store.KeyFilter.all()).stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(store.counters().handleCounter()).isGreaterThan(maxHandle);
        List<AuditRecord> audit = store.auditRecords(0, 10_000);
        for (int i = 0; i < audit.size(); i++) {
            assertThat(audit.get(i).seq()).as("audit record %d", i + 1).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(audit.get(i).previousHash()).as("record %d links to the one before", i + 1)
                        .isEqualTo(audit.get(i - 1).hash());
            }
        }
        assertThat(store.auditHighWater()).isEqualTo(audit.size());
    }

    /** A key creation with a copy on every node: held on the online ones, pending on the offline ones. */
    private static long makeKey(ClusterStore.Transaction tx) {
        List<NodeRecord> nodes = tx.nodes();
        return ChainedKeys.make(tx, handle -> nodes.stream().map(n -> new KeyCopy(handle, n.id(), n.online() ? 0L : null)).toList());
    }
}
