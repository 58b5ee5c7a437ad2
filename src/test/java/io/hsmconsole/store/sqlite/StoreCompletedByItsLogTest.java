package io.hsmconsole.store.sqlite;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, cases 4 and 5: the check made before SQLite opens a store must not call "truncated" a
 * file whose missing pages are in its write-ahead log: after a checkpoint that failed on a full disk
 * (the header already written, the file not yet grown), and while another process checkpoints.
 */
class StoreCompletedByItsLogTest {
    private static final String NAME = "lab";

    @TempDir
    Path dir;

    /**
     * A store whose main file is shorter than its header says, the rest in its log, as a checkpoint
     * that failed on a full disk leaves it: it opens, with every key.
     */
    @Test
    void aStoreWhoseLogHoldsTheMissingPagesOpensWithEveryKey() throws Exception {
        ClusterCatalog catalog = liveCluster();
        Path liveDir = dir.resolve("live").resolve("clusters").resolve(NAME);
        Path copyDir = Files.createDirectories(dir.resolve("copy").resolve("clusters").resolve(NAME));
        long expectedKeys;
        // A reader holding its snapshot keeps every later page in the log: no checkpoint can copy them.
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + liveDir.resolve("cluster.db"));
             HsmCluster cluster = catalog.open(NAME)) {
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement()) {
                st.executeQuery("SELECT COUNT(*) FROM keys").close();
            }
            expectedKeys = cluster.info().tokenKeyCount() + 120;
            HsmSession s = TestClusters.login(cluster, "alice");
            for (int i = 0; i < 120; i++) {
                assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "in-the-log-" + "x".repeat(100) + i))
                        .isSuccess()).isTrue();
            }
            s.close();
            cluster.auditLog().flush();
            for (String f : new String[]{"cluster.db", "cluster.db-wal", "master.key"}) {
                Files.copy(liveDir.resolve(f), copyDir.resolve(f));
            }
            reader.rollback();
        }
        Path db = copyDir.resolve("cluster.db");
        int pageSize = 4096;
        long logPages = lastCommittedPageCount(copyDir.resolve("cluster.db-wal"), pageSize);
        assertThat(logPages * pageSize).as("the log holds pages beyond the file").isGreaterThan(Files.size(db));
        failedCheckpointWroteTheHeader(db, logPages);

        try (HsmCluster opened = TestClusters.catalog(dir.resolve("copy"), new ManualClock(TestClusters.START)).open(NAME)) {
            assertThat(opened.info().tokenKeyCount()).as("keys of the store, from its log").isEqualTo(expectedKeys);
        }
    }

    /** A truly truncated store (no log to complete it) still gets the clear error. */
    @Test
    void aShortStoreWithAnEmptyLogIsStillTruncated() throws Exception {
        Path live = dir.resolve("live");
        TestClusters.catalog(live, new ManualClock(TestClusters.START)).createDemo(NAME, ClusterOptions.demo()).close();
        Path db = live.resolve("clusters").resolve(NAME).resolve("cluster.db");
        Files.write(db.resolveSibling("cluster.db-wal"), new byte[0]);
        long size = Files.size(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(size - 4096);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoreFileCheck.checkHeader(db))
                .isInstanceOf(StoreException.class).hasMessageContaining("truncated").hasMessageContaining(db.toString());
    }

    /**
     * Case 5: checks made while another connection grows the store and checkpoints it over and
     * over (the file is short of its header for a moment in each) never see "truncated".
     */
    @Test
    void checksRacingCheckpointsNeverSeeATruncatedStore() throws Exception {
        ClusterCatalog catalog = liveCluster();
        Path clusterDir = dir.resolve("live").resolve("clusters").resolve(NAME);
        Path db = clusterDir.resolve("cluster.db");
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        List<Thread> checkers = new ArrayList<>();
        int[] opens = new int[1];
        checkers.add(new Thread(() -> {
            while (writing.get()) {
                try {
                    SqliteClusterStore.open(clusterDir, new SecureRandom()).close();
                    opens[0]++;
                } catch (StoreException e) {
                    refusals.add(e.getMessage());
                }
            }
        }));
        for (int t = 0; t < 2; t++) {
            checkers.add(new Thread(() -> {
                while (writing.get()) {
                    try {
                        StoreFileCheck.checkHeader(db);
                    } catch (StoreException e) {
                        refusals.add(e.getMessage());
                    }
                }
            }));
        }
        checkers.forEach(Thread::start);
        try (HsmCluster cluster = catalog.open(NAME);
             Connection checkpointer = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = checkpointer.createStatement()) {
            HsmSession s = TestClusters.login(cluster, "alice");
            for (int i = 0; i < 300; i++) {
                s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "grow-" + "y".repeat(400) + i));
                st.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            s.close();
        } finally {
            writing.set(false);
            for (Thread t : checkers) {
                t.join();
            }
        }
        assertThat(opens[0]).as("opens made while the store grew").isPositive();
        assertThat(refusals).as("checks that refused a sound store").isEmpty();
    }

    /** A catalog in {@code dir/live} holding the cluster {@value #NAME}, made without latencies. */
    private ClusterCatalog liveCluster() {
        ClusterCatalog catalog = TestClusters.catalog(dir.resolve("live"), new ManualClock(TestClusters.START));
        catalog.createDemo(NAME, ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0)).close();
        return catalog;
    }

    /** The database size in pages after the last commit the log holds (its last commit frame). */
    private static long lastCommittedPageCount(Path wal, int pageSize) throws Exception {
        byte[] log = Files.readAllBytes(wal);
        long pages = 0;
        for (int at = 32; at + 24 + pageSize <= log.length; at += 24 + pageSize) {
            long commitSize = Integer.toUnsignedLong(ByteBuffer.wrap(log, at + 4, 4).getInt());
            if (commitSize > 0) {
                pages = commitSize;
            }
        }
        return pages;
    }

    /** What a checkpoint cut short by a full disk leaves: page 1 already says the new size, the file is not grown. */
    private static void failedCheckpointWroteTheHeader(Path db, long pages) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(24);
            int changeCounter = f.readInt();
            f.seek(28);
            f.writeInt((int) pages);
            f.seek(92);
            f.writeInt(changeCounter);
        }
    }
}
