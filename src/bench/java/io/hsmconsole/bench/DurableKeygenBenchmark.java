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
 * {@code genSymKey -t 31 -s 32 -l ...}: one AES-256 token key per call, committed durably (the
 * store runs WAL with synchronous=FULL) before the call returns. One session, one thread, as a
 * key_mgmt_util script does it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DurableKeygenBenchmark {
    /** Far above what any run can make, so the cluster's capacity never ends a run early. */
    private static final int CAPACITY = 50_000_000;

    private Path dataDir;
    private HsmCluster cluster;
    private HsmSession session;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        dataDir = BenchDirs.newDataDir("durable");
        cluster = BenchClusters.create(dataDir, CAPACITY);
        session = BenchClusters.login(cluster, "example_user");
    }

    @Benchmark
    public long generateTokenKey() {
        HsmResult<GeneratedKey> r = session.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "durable-" + next++));
        return BenchChecks.handleOf(r);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        cluster.close();
        TestFiles.deleteTree(dataDir);
    }
}
