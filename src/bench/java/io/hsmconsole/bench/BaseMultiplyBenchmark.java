package io.hsmconsole.bench;

import io.hsmconsole.hsm.ec.FixedBaseTable;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.EcCurve;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * k·G as ECDSA needs it (the affine point), by BouncyCastle's fixed-point comb and by our table of G's
 * multiples ({@code hsm/ec/FixedBaseTable}) at several digit widths, with the table look-up that reads one
 * entry (what the simulator uses) and with BouncyCastle's constant-time one that reads them all: the
 * figures that chose the width and the look-up (docs/performance.md, "ECDSA and P-256 pairs on a table
 * of G"). {@code width} 0 is the comb.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BaseMultiplyBenchmark {
    @Param({"PRIME256V1"})
    public String curve;
    @Param({"0", "5", "6", "7", "8", "9", "10"})
    public int width;
    @Param({"variable", "constant"})
    public String lookup;

    private ECDomainParameters domain;
    private FixedBaseTable table;
    private final FixedPointCombMultiplier comb = new FixedPointCombMultiplier();
    private final BigInteger[] scalars = new BigInteger[1024];
    private int next;

    @Setup
    public void setUp() {
        domain = AsymmetricMaterial.domain(EcCurve.valueOf(curve));
        table = width == 0 ? null : FixedBaseTable.build(domain.getG(), domain.getN(), width);
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < scalars.length; i++) {
            byte[] bytes = new byte[domain.getN().bitLength() / 8 + 8];
            random.nextBytes(bytes);
            scalars[i] = new BigInteger(1, bytes).mod(domain.getN());
        }
    }

    @Benchmark
    public ECPoint multiply() {
        BigInteger k = scalars[next++ & (scalars.length - 1)];
        ECPoint p = table == null ? comb.multiply(domain.getG(), k)
                : lookup.equals("constant") ? table.multiplyConstantTime(k) : table.multiply(k);
        return p.normalize();
    }
}
