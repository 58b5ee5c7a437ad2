package io.hsmconsole.bench;

import io.hsmconsole.store.TestFiles;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code genSymKey -t 31 -s 32 -l sess -sess}: session keys live in the session's memory, but
 * their handles come from the cluster-wide counter in the store. Each iteration gets a fresh
 * login so the session's key map does not grow across iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SessionKeygenBenchmark {
    private static final GenSymKeyRequest REQUEST = GenSymKeyRequest.of(31, 32, "sess").withSession(true);

    private Path dataDir;
    private HsmCluster cluster;
    private HsmSession session;

    @Setup(Level.Trial)
    public void setUp() {
        dataDir = BenchDirs.newDataDir("session");
        cluster = BenchClusters.create(dataDir, BenchDirs.DEFAULT_CAPACITY);
    }

    @Setup(Level.Iteration)
    public void login() {
        session = BenchClusters.login(cluster, "example_user");
    }

    @Benchmark
    public long generateSessionKey() {
        HsmResult<GeneratedKey> r = session.generateSymmetricKey(REQUEST);
        return BenchChecks.handleOf(r);
    }

    @TearDown(Level.Iteration)
    public void logout() {
        session.close();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cluster.close();
        TestFiles.deleteTree(dataDir);
    }
}
