package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.reliability.StoreIntegrity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 8, damaged input: the store turns read-only while the cluster is open (an administrator's
 * {@code chattr +i}, a volume going read-only). Permission bits cannot stop writes to files already
 * open, so this runs where chattr works (as root) and is skipped elsewhere; FullDiskIT covers failing
 * writes for everyone. Only cluster.db and its WAL are made immutable: SQLite maps the -shm file
 * into memory, and a write to that mapping of an immutable file kills the JVM with SIGBUS (seen
 * here; SQLite's WAL design, nothing the simulator can catch). The next write fails with an error
 * naming the store, nothing of it is kept, and once writable again every earlier key is there.
 */
class ReadOnlyMidRunTest {
    @TempDir
    Path dataDir;

    @Test
    void aStoreThatBecomesReadOnlyRefusesTheNextWriteAndLosesNothing() throws Exception {
        ClusterCatalog catalog = TestClusters.catalog(dataDir, new ManualClock(TestClusters.START));
        Path clusterDir = dataDir.resolve("clusters").resolve("lab");
        Path db = clusterDir.resolve("cluster.db");
        List<Long> made = new ArrayList<>();
        HsmCluster cluster = catalog.createDemo("lab", ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0));
        HsmSession s = TestClusters.login(cluster, "example_user");
        for (int i = 0; i < 10; i++) {
            made.add(s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "before-" + i)).value().handle());
        }
        List<Path> frozen = List.of(db, clusterDir.resolve("cluster.db-wal"));
        boolean immutable = frozen.stream().allMatch(f -> chattr("+i", f));
        try {
            assumeThat(immutable).as("this machine can make open files read-only (root with chattr)").isTrue();
            assertThatThrownBy(() -> {
                HsmResult<GeneratedKey> r = s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "during"));
                throw new AssertionError("a write to a read-only store was answered " + r.code());
            }).isInstanceOf(StoreException.class).hasMessageContaining(db.toString());
        } finally {
            frozen.forEach(f -> chattr("-i", f));
        }
        s.close();
        cluster.close();
        assertThat(StoreIntegrity.problems(db)).isEmpty();
        try (HsmCluster again = catalog.open("lab")) {
            HsmSession check = TestClusters.login(again, "example_user");
            assertThat(check.listKeys().value()).extracting(k -> k.handle()).containsExactlyInAnyOrderElementsOf(made);
            assertThat(check.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "after")).isSuccess()).isTrue();
            check.close();
        }
    }

    private static boolean chattr(String flag, Path file) {
        return ReadOnlyTree.run("chattr", flag, file.toString());
    }
}
