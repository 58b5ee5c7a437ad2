package io.hsmconsole.bench;

import io.hsmconsole.hsm.crypto.PasswordHasher;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;

/**
 * The cost of one password check as the CLI pays it: the first PBKDF2 run of the iteration count
 * in a fresh JVM. Start it with the launcher's JVM options (C1 only, see bin/launch.sh) and
 * several counts, one JVM per run, e.g.
 * {@code . target/cds/key_mgmt_util.launch; java $opts -cp "$cp:target/test-classes"
 * io.hsmconsole.bench.PasswordCheckCost 10000}. A one-iteration check runs first, so the figure
 * leaves out the one-time class set-up that whatever BouncyCastle code runs first pays anyway
 * (20-30 ms here). Prints the wall and CPU time of the check. docs/security.md has the figures.
 */
public final class PasswordCheckCost {
    /** A well-formed hash of the earlier cost; the check costs the same whatever the password. */
    private static final String SALT_AND_HASH = "$i9vKtSjXR+rMa90DX1SMeA$s68EKqWCWgg/qPxLO4/McxnliEEffNvmlTd/Zw2lLCg";

    private PasswordCheckCost() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PasswordCheckCost ITERATIONS");
        }
        int iterations = Integer.parseInt(args[0]);
        PasswordHasher hasher = new PasswordHasher(new SecureRandom());
        hasher.verify("set-up".toCharArray(), "$pbkdf2-sha256$i=1" + SALT_AND_HASH);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        hasher.verify("example_pwd".toCharArray(), "$pbkdf2-sha256$i=" + iterations + SALT_AND_HASH);
        wall = System.nanoTime() - wall;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        System.out.printf("%d iterations: %.1f ms wall, %.1f ms CPU%n", iterations, wall / 1e6, cpu / 1e6);
    }
}
