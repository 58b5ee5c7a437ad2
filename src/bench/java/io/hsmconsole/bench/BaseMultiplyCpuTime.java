package io.hsmconsole.bench;

import io.hsmconsole.hsm.ec.FixedBaseEcdsaSigner;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.EcCurve;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * {@link BaseMultiplyBenchmark}'s configurations and a whole ECDSA signature (BouncyCastle's signer and
 * ours), timed by the thread's CPU time rather than the wall clock: on a machine shared with other work
 * the wall-clock figures spread by ±100 %, the CPU time per operation by a few per cent. Prints µs per
 * operation, the best of 7 passes over 1,024 scalars, for each round.
 * {@code java -cp … io.hsmconsole.bench.BaseMultiplyCpuTime [CURVE [ROUNDS [WIDTHS]]]}, e.g.
 * {@code PRIME256V1 3 5,6,7,8,9,10}.
 */
public final class BaseMultiplyCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BaseMultiplyCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        String curve = args.length > 0 ? args[0] : "PRIME256V1";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String widths = args.length > 2 ? args[2] : "5,6,7,8,9,10";
        ECDomainParameters domain = AsymmetricMaterial.domain(EcCurve.valueOf(curve));
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(domain.getN().shiftRight(3), domain);
        ECDSASigner theirs = new ECDSASigner();
        theirs.init(true, new ParametersWithRandom(key, new SecureRandom()));
        ECDSASigner ours = new FixedBaseEcdsaSigner();
        ours.init(true, new ParametersWithRandom(key, new SecureRandom()));
        byte[] hash = new byte[32];
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("round %d, load %s%n", round, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            time("comb (BouncyCastle)", bench(curve, 0, "variable"));
            for (String w : widths.split(",")) {
                for (String lookup : new String[]{"variable", "constant"}) {
                    time("table, width " + w + ", " + lookup + " look-up", bench(curve, Integer.parseInt(w), lookup));
                }
            }
            time("ECDSA signature, BouncyCastle's signer", () -> theirs.generateSignature(hash));
            time("ECDSA signature, FixedBaseEcdsaSigner", () -> ours.generateSignature(hash));
            time("k⁻¹ mod n (BouncyCastle)", () -> org.bouncycastle.util.BigIntegers.modOddInverse(domain.getN(), key.getD()));
        }
    }

    private static Runnable bench(String curve, int width, String lookup) {
        BaseMultiplyBenchmark b = new BaseMultiplyBenchmark();
        b.curve = curve;
        b.width = width;
        b.lookup = lookup;
        b.setUp();
        return b::multiply;
    }

    private static void time(String name, Runnable op) {
        long best = Long.MAX_VALUE;
        for (int pass = 0; pass < 7; pass++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < 1024; i++) {
                op.run();
            }
            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
        }
        System.out.printf("  %-46s %8.2f µs%n", name, best / 1024 / 1e3);
    }
}
