package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.nio.file.Path;
import java.util.List;

/** Builds clusters for tests: a fresh data directory, a manual clock, chosen latencies. */
public final class TestClusters {
    public static final long START = 1_700_000_000_000L;

    private TestClusters() {
    }

    public static ClusterCatalog catalog(Path dir, ManualClock clock) {
        return new ClusterCatalog(new SqliteBackend(), new DataDirectory(dir), clock);
    }

    /** The demo cluster with zero latency everywhere. */
    public static HsmCluster demo(Path dir, ManualClock clock) {
        return catalog(dir, clock).createDemo("demo", new ClusterOptions(
                io.hsmconsole.hsm.cluster.HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), null));
    }

    /** The demo cluster with the real demo's latencies, 50/150/250 ms, so replication can be stepped through. */
    public static HsmCluster demoWithLatencies(Path dir, ManualClock clock) {
        return demo(dir, clock, ClusterOptions.demo());
    }

    public static HsmCluster demo(Path dir, ManualClock clock, ClusterOptions options) {
        return catalog(dir, clock).createDemo("demo", options);
    }

    /** The demo seed's password of a user: {@code <name>_pwd}, except example_user's {@code example_pwd}. */
    public static char[] password(String user) {
        return (user + "_pwd").replace("example_user_pwd", "example_pwd").toCharArray();
    }

    public static HsmSession login(HsmCluster cluster, String user) {
        HsmResult<HsmSession> r = cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, user, password(user));
        if (!r.isSuccess()) {
            throw new AssertionError("login of " + user + " failed: " + r.code());
        }
        return r.value();
    }
}
