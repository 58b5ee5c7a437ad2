package io.hsmconsole.bench;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.KeySummary;
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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code findKey -l <label>} as example_user on a cluster holding {@code keys} token keys spread
 * over the four crypto users (so three quarters are not visible to the searcher). Each call looks
 * up the label of a different one of the user's own keys, picked at random, and must find it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FindByLabelBenchmark {
    @Param({"16666", "100000"})
    public int keys;

    private HsmCluster cluster;
    private HsmSession session;
    private List<String> ownLabels;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void setUp() {
        cluster = BenchClusters.open(BenchDirs.populated(keys));
        session = BenchClusters.login(cluster, "example_user");
        int me = session.user().id();
        ownLabels = session.listKeys().value().stream().filter(k -> k.ownerId() == me).map(KeySummary::label).toList();
        if (ownLabels.isEmpty() || cluster.info().tokenKeyCount() != keys) {
            throw new IllegalStateException("the populated cluster does not hold " + keys + " keys");
        }
    }

    @Benchmark
    public List<Long> findByLabel() {
        String label = ownLabels.get(random.nextInt(ownLabels.size()));
        HsmResult<List<Long>> r = session.findKeys(KeyQuery.byLabel(label));
        if (!r.isSuccess() || r.value().size() != 1) {
            throw new IllegalStateException("findKey -l " + label + " returned " + r.code().text() + " " + r.value());
        }
        return r.value();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        cluster.close();
    }
}
