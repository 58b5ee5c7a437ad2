package io.hsmconsole.bench;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.SignatureScheme;
import io.hsmconsole.store.TestFiles;
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

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 15's in-process rows, the simulator's own API with no transport: session key pairs made
 * (RSA-2048 with e = 65537, or P-256) and signatures with one such pair — RSA PKCS #1 v1.5 with SHA-256
 * over 256 bytes, ECDSA over a 32-byte hash the caller made, PKCS#11's r || s — the same work
 * {@code bench/peer/p11bench.c}'s {@code genpair} and {@code sign} ask SoftHSM2 and our PKCS#11
 * endpoint for. Each iteration gets a fresh login so its session pairs do not pile up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyPairBenchmark {
    private static final KeyOptions SESSION_PAIR = new KeyOptions("bench-pair", "", false, true, List.of(), 0, null,
            null, false);

    @Param({"rsa", "ec"})
    public String kind;

    private Path dataDir;
    private HsmCluster cluster;
    private HsmSession session;
    private KeyPairRequest request;
    private SignatureScheme scheme;
    private byte[] data;
    private long signingKey;

    @Setup(Level.Trial)
    public void setUp() {
        dataDir = BenchDirs.newDataDir("pairs");
        cluster = BenchClusters.create(dataDir, BenchDirs.DEFAULT_CAPACITY);
        boolean rsa = kind.equals("rsa");
        request = rsa ? KeyPairRequest.rsa(2048, BigInteger.valueOf(65537), SESSION_PAIR)
                : KeyPairRequest.ec(EcCurve.PRIME256V1.id(), SESSION_PAIR);
        scheme = rsa ? SignatureScheme.rsaPkcs("SHA-256") : SignatureScheme.ecdsa(null);
        data = new byte[rsa ? 256 : 32];
        Arrays.fill(data, (byte) 0x5a);
    }

    @Setup(Level.Iteration)
    public void login() {
        session = BenchClusters.login(cluster, "example_user");
        signingKey = pairOf(session.pairs().generateKeyPair(request, SyncObserver.NONE)).privateHandle();
    }

    /** One session pair, as C_GenerateKeyPair with CKA_TOKEN false. */
    @Benchmark
    public long generatePair() {
        return pairOf(session.pairs().generateKeyPair(request, SyncObserver.NONE)).privateHandle();
    }

    /** One signature with the iteration's pair, as C_SignInit + C_Sign. */
    @Benchmark
    public int sign() {
        HsmResult<byte[]> r = session.crypto().sign(signingKey, scheme, data);
        if (!r.isSuccess()) {
            throw new IllegalStateException("sign was refused: " + r.code());
        }
        return r.value().length;
    }

    private static GeneratedPair pairOf(HsmResult<GeneratedPair> r) {
        if (!r.isSuccess()) {
            throw new IllegalStateException("the key pair was refused: " + r.code());
        }
        return r.value();
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
