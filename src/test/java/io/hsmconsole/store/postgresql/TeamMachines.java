package io.hsmconsole.store.postgresql;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.TestFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two "machines" of a team: two data folders pointed at one fresh database of the throw-away
 * server ({@link PostgresServer}), the demo cluster made on A and B given A's master key, as a team
 * member copies it.
 */
public final class TeamMachines implements AutoCloseable {
    public static final String CLUSTER = ClusterCatalog.DEMO_CLUSTER;

    public final PostgresUrl url = PostgresServer.get().newDatabase();
    public final PostgresBackend backend = new PostgresBackend(url);
    public final ManualClock clock = new ManualClock(TestClusters.START);
    public final Path machineA;
    public final Path machineB;

    public TeamMachines() {
        try {
            machineA = Files.createTempDirectory("hsm-team-a-");
            machineB = Files.createTempDirectory("hsm-team-b-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL as a user writes it in HSM_CONSOLE_STORE or --store. */
    public String storeText() {
        return PostgresServer.text(url);
    }

    public ClusterCatalog catalog(Path machine) {
        return new ClusterCatalog(backend, new DataDirectory(machine), clock);
    }

    /** Creates the demo cluster (no replication latency) on A and gives B its master key; returns A's. */
    public HsmCluster createOnA() {
        HsmCluster a = catalog(machineA).createDemo(CLUSTER,
                new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), null));
        joinB();
        return a;
    }

    /** Copies A's master key of the demo cluster into B's cluster folder. */
    public void joinB() {
        try {
            Path to = new DataDirectory(machineB).clusterDir(CLUSTER);
            OwnerOnly.createDirectories(to);
            OwnerOnly.writeWhole(to.resolve("master.key"),
                    Files.readAllBytes(new DataDirectory(machineA).clusterDir(CLUSTER).resolve("master.key")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HsmCluster openOnB() {
        return catalog(machineB).open(CLUSTER);
    }

    @Override
    public void close() {
        TestFiles.deleteTree(machineA);
        TestFiles.deleteTree(machineB);
    }
}
