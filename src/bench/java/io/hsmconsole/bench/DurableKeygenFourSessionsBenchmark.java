package io.hsmconsole.bench;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.store.TestFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The durable token keygen of {@link DurableKeygenBenchmark} by four sessions of one process at
 * once, one thread each, on one cluster: each key is committed durably before its call returns,
 * and concurrent sessions may share a commit (group commit). The score is the keys of all four.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(DurableKeygenFourSessionsBenchmark.SESSIONS)
public class DurableKeygenFourSessionsBenchmark {
    static final int SESSIONS = 4;
    private static final int CAPACITY = 50_000_000;

    private Path dataDir;
    private HsmCluster cluster;
    private final AtomicInteger sessionNumbers = new AtomicInteger();
    /** Closed here, before the cluster: JMH does not order the threads' tear-downs after this state's. */
    private final List<HsmSession> sessions = new CopyOnWriteArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        dataDir = BenchDirs.newDataDir("durable4");
        cluster = BenchClusters.create(dataDir, CAPACITY);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sessions.forEach(HsmSession::close);
        cluster.close();
        TestFiles.deleteTree(dataDir);
    }

    /** One logged-in session per benchmark thread. */
    @State(Scope.Thread)
    public static class Session {
        private HsmSession session;
        private String labelPrefix;
        private long next;

        @Setup(Level.Trial)
        public void login(DurableKeygenFourSessionsBenchmark shared) {
            session = BenchClusters.login(shared.cluster, "example_user");
            shared.sessions.add(session);
            labelPrefix = "durable-" + shared.sessionNumbers.getAndIncrement() + "-";
        }
    }

    @Benchmark
    public long generateTokenKey(Session s) {
        HsmResult<GeneratedKey> r = s.session.generateSymmetricKey(GenSymKeyRequest.of(31, 32, s.labelPrefix + s.next++));
        return BenchChecks.handleOf(r);
    }
}
