package io.hsmconsole.property;

import java.util.SplittableRandom;

/**
 * Runs a property as a number of random cases from one seed, so that a failure reproduces
 * exactly: the seed is printed with every failure, and the system property {@value #SEED} sets it
 * ({@code ./mvnw test -Dtest=KmuShellFuzzTest -Dhsm.seed=1234}). Without it every run draws a new
 * seed, so CI keeps exploring new inputs.
 * <p>
 * All cases of a run draw from one {@link SplittableRandom} in order, because some properties keep
 * state from case to case (one shell, one cluster): replaying the seed replays every case before
 * the failing one too.
 */
public final class Trials {
    public static final String SEED = "hsm.seed";

    private Trials() {
    }

    /** One case of a property: draws its input from {@code random}, and throws when the property does not hold. */
    @FunctionalInterface
    public interface Case {
        void check(SplittableRandom random) throws Exception;
    }

    /** The seed of this run: {@value #SEED} when it is set (decimal, or hex with 0x), else a fresh one. */
    public static long seed() {
        String set = System.getProperty(SEED);
        if (set == null || set.isBlank()) {
            return new SplittableRandom().nextLong();
        }
        String s = set.strip();
        return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    }

    /** Runs {@code cases} cases of {@code property}; the first failure ends the run, naming its seed and case. */
    public static void run(int cases, Case property) {
        long seed = seed();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < cases; i++) {
            try {
                property.check(random);
            } catch (Throwable t) {
                throw new AssertionError(String.format("case %d of %d failed; seed %d (rerun exactly with -D%s=%d):%n%s",
                        i + 1, cases, seed, SEED, seed, t), t);
            }
        }
    }
}
