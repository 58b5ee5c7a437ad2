package io.hsmconsole.bench;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.KeyQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code findKey} without criteria, in process: the handles of every key example_user can use, on a
 * cluster where example_user can use all {@code keys} keys (bench/side-by-side.sh populates it so;
 * SoftHSM2's C_FindObjects with an empty template is the peer's counterpart).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ListAllBenchmark {
    @Param({"10000", "100000"})
    public int keys;

    private HsmCluster cluster;
    private HsmSession session;

    @Setup(Level.Trial)
    public void setUp() {
        cluster = BenchClusters.open(BenchDirs.populated(keys));
        session = BenchClusters.login(cluster, "example_user");
    }

    @Benchmark
    public List<Long> listAll() {
        HsmResult<List<Long>> r = session.findKeys(KeyQuery.all());
        if (!r.isSuccess() || r.value().size() != keys) {
            throw new IllegalStateException("findKey returned " + r.code().text() + " with "
                    + (r.value() == null ? "no" : r.value().size()) + " keys, not " + keys);
        }
        return r.value();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        cluster.close();
    }
}
