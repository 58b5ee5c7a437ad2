package io.hsmconsole.hsm.crypto;

import java.math.BigInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one half of an RSA CRT exponentiation on another core while the caller does the other: a
 * signature's latency halves where a core is free (an HSM does its halves in parallel hardware too).
 * The half is claimed by whoever starts it first, the pool's thread or the caller's {@link Half#join},
 * so under load the caller never waits behind queued halves: it computes its own. One process-wide
 * pool of daemon threads, one fewer than the cores (none on one core: everything runs in the caller).
 */
final class CrtHalves {
    private static final ExecutorService POOL = pool();

    private CrtHalves() {
    }

    private static ExecutorService pool() {
        int threads = Runtime.getRuntime().availableProcessors() - 1;
        if (threads < 1) {
            return null;
        }
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rsa-crt-half");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts {@code work} on the pool if a thread takes it before {@link Half#join}; else the joiner runs it. */
    static Half fork(Supplier<BigInteger> work) {
        Half half = new Half(work);
        if (POOL != null) {
            try {
                POOL.execute(half::runIfUnclaimed);
            } catch (RejectedExecutionException e) {
                // the joiner computes it
            }
        }
        return half;
    }

    /** One half: computed once, by the pool or by the joiner, whichever claims it first. */
    static final class Half {
        private final Supplier<BigInteger> work;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private BigInteger result;
        private RuntimeException failure;
        private boolean done;

        private Half(Supplier<BigInteger> work) {
            this.work = work;
        }

        private void runIfUnclaimed() {
            if (claimed.compareAndSet(false, true)) {
                compute();
            }
        }

        private void compute() {
            BigInteger r = null;
            RuntimeException f = null;
            try {
                r = work.get();
            } catch (RuntimeException e) {
                f = e;
            }
            synchronized (this) {
                result = r;
                failure = f;
                done = true;
                notifyAll();
            }
        }

        /** The half's value: computed here if nobody started it, else awaited. */
        BigInteger join() {
            if (claimed.compareAndSet(false, true)) {
                compute();
            }
            synchronized (this) {
                boolean interrupted = false;
                while (!done) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (failure != null) {
                    throw failure;
                }
                return result;
            }
        }
    }
}
