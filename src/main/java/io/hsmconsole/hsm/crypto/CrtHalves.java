package io.hsmconsole.hsm.crypto;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs one half of an RSA CRT exponentiation on another core while the caller does the other: a
 * signature's latency halves where a core is free (an HSM does its halves in parallel hardware too).
 * The half is claimed by whoever starts it first, a worker or the caller's {@link Half#join}, so under
 * load the caller never waits behind queued halves: it computes its own. Process-wide daemon workers,
 * one fewer than the cores (none on one core: everything runs in the caller).
 * <p>
 * Why not an executor: a parked thread takes tens of microseconds to wake (a futex, and on a virtual
 * machine an idle virtual CPU's wake-up), twice per signature (the worker when a half arrives, the caller
 * when the worker's half is done), against a half of about 450 µs. So a worker that has just finished
 * keeps looking for the next half for {@link #WORKER_SPIN_NANOS} before it parks (a signer's next
 * signature comes within that, even through a PKCS#11 round trip of about 30 µs), and a caller whose own
 * half is done watches for the other's for {@link #JOIN_SPIN_NANOS} before it blocks. Both spins are
 * short: on a busy machine a spinning thread takes the time slices the halves need (with 300 µs and 1 ms
 * spins, signing at load 12-15 on two cores was 15-20 % slower than with the executor; with 100 µs it
 * was within the noise), and an idle process parks within a tenth of a millisecond.
 */
final class CrtHalves {
    /** How long a worker looks for the next half before it parks. */
    static final long WORKER_SPIN_NANOS = 100_000;
    /** How long a caller watches for the other half before it blocks. */
    static final long JOIN_SPIN_NANOS = 100_000;

    private static final ConcurrentLinkedQueue<Half<?>> PENDING = new ConcurrentLinkedQueue<>();
    private static final Worker[] WORKERS = workers();

    private CrtHalves() {
    }

    private static Worker[] workers() {
        Worker[] workers = new Worker[Math.max(0, Runtime.getRuntime().availableProcessors() - 1)];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker();
            workers[i].thread.start();
        }
        return workers;
    }

    /** Offers {@code work} to a worker, which runs it if it takes it before {@link Half#join}; else the joiner runs it. */
    static <T> Half<T> fork(Supplier<T> work) {
        Half<T> half = new Half<>(work);
        if (WORKERS.length > 0) {
            PENDING.offer(half);
            for (Worker w : WORKERS) {
                if (w.parked) {
                    LockSupport.unpark(w.thread);
                    break;
                }
            }
        }
        return half;
    }

    /** A daemon thread that runs offered halves, spinning briefly between them. */
    private static final class Worker implements Runnable {
        private final Thread thread = new Thread(this, "rsa-crt-half");
        private volatile boolean parked;

        Worker() {
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                Half<?> half = PENDING.poll();
                if (half != null) {
                    half.runIfUnclaimed();
                    continue;
                }
                long until = System.nanoTime() + WORKER_SPIN_NANOS;
                while (PENDING.isEmpty() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                if (PENDING.isEmpty()) {
                    // announced before the last look, so a fork either sees it and unparks, or is seen here
                    parked = true;
                    if (PENDING.isEmpty()) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
        }
    }

    /** One half: computed once, by a worker or by the joiner, whichever claims it first. */
    static final class Half<T> {
        private final Supplier<T> work;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private T result;
        private Throwable failure;
        private volatile boolean done;
        private volatile Thread joiner;

        private Half(Supplier<T> work) {
            this.work = work;
        }

        private void runIfUnclaimed() {
            if (claimed.compareAndSet(false, true)) {
                compute();
                Thread waiting = joiner;
                if (waiting != null) {
                    LockSupport.unpark(waiting);
                }
            }
        }

        private void compute() {
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                failure = e; // the joiner's to throw; the worker lives on
            }
            done = true; // publishes result and failure
        }

        /** The half's value: computed here if nobody started it, else awaited. */
        T join() {
            if (claimed.compareAndSet(false, true)) {
                compute();
            }
            long until = System.nanoTime() + JOIN_SPIN_NANOS;
            while (!done && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            if (!done) {
                joiner = Thread.currentThread();
                while (!done) {
                    LockSupport.park(this); // an interrupt only ends one park: the half is still coming
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
