package io.hsmconsole.bench;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The clusters the benchmarks run on: the demo users on 3 nodes with zero replication latency, in
 * a fresh temporary data directory, on the real clock (nothing waits with zero latency).
 */
final class BenchClusters {
    static final String NAME = "bench";
    /** The demo crypto users; their password is {@code <name>_pwd} except example_user's. */
    static final String[] CRYPTO_USERS = {"example_user", "alice", "bob", "carol"};

    private BenchClusters() {
    }

    static ClusterCatalog catalog(Path dataDir) {
        return new ClusterCatalog(new SqliteBackend(), new DataDirectory(dataDir), HsmClock.SYSTEM);
    }

    /** A new 3-node, zero-latency demo cluster that can hold {@code capacity} token keys. */
    static HsmCluster create(Path dataDir, int capacity) {
        ClusterOptions options = ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0).withKeyCapacity(capacity);
        return catalog(dataDir).createDemo(NAME, options);
    }

    static HsmCluster open(Path dataDir) {
        return catalog(dataDir).open(NAME);
    }

    static Path clusterDir(Path dataDir) {
        return new DataDirectory(dataDir).clusterDir(NAME);
    }

    static HsmSession login(HsmCluster cluster, String user) {
        String password = user.equals("example_user") ? "example_pwd" : user + "_pwd";
        HsmResult<HsmSession> r = cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, user, password.toCharArray());
        if (!r.isSuccess()) {
            throw new IllegalStateException("login of " + user + " failed: " + r.code().text());
        }
        return r.value();
    }

    /** Sums the sizes of the regular files under a folder (the database, its WAL, the master key). */
    static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
