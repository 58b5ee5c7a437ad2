package io.hsmconsole.hsm.ec;

import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.RandomDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * ECDSA's per-signature work that does not depend on the key or the message, done ahead of time
 * ("offline/online" ECDSA): a random nonce k, r = x(k·G) mod n and k⁻¹ mod n. A signature then costs
 * s = k⁻¹·(e + d·r) mod n, two multiplications modulo n, where computing k·G and inverting k is nearly all of
 * a signature's time (about 28 of 31 µs on P-256 with the table of G). A background thread keeps a bounded
 * queue of them per curve while the process signs; {@link FixedBaseEcdsaSigner} takes one per signature.
 *
 * <p>Why this is acceptable. Random-k ECDSA needs k secret, uniform and never used twice; nothing requires it
 * to be drawn at the moment of signing, because k, r and k⁻¹ are independent of the key and the message. The
 * DSA standard says so (FIPS 186-4 §4.5: k and k⁻¹ may be pre-computed, since the message is not needed for
 * them; when they are, their confidentiality and integrity must be protected; ECDSA's §6.3 takes the same
 * per-message secret), and implementations have long used it to answer faster (Schneier's Applied
 * Cryptography describes it for DSA, "Speed Precomputations"). Here:
 * <ul>
 * <li>each k comes from the same source as before (the cluster's DRBG, BouncyCastle's {@link
 * RandomDSAKCalculator}, uniform in [1, n−1]); only r and k⁻¹ are kept (k itself is not);</li>
 * <li>each (r, k⁻¹) is used once: {@link #take} removes it from the queue, atomically, so two signatures never
 * share a nonce, whatever the threads ({@code PrecomputedNoncesTest} proves r unique over many signatures);</li>
 * <li>they live only in this process's memory, as the decoded keys do ({@code ParsedKeys}): never written to
 * the store or a log, dropped when the cluster closes or the process ends;</li>
 * <li>the queue is bounded ({@value #CAPACITY} per curve, about 40 KiB for P-256) and refilled only once a
 * process has signed {@value #TAKES_BEFORE_REFILL} times with a curve, so a one-shot command line that
 * signs once never starts the thread; when the queue is empty the signer computes its nonce inline as
 * before, so a busy machine gets today's cost, never a wait;</li>
 * <li>RFC 6979's deterministic nonces depend on the key and the message and stay BouncyCastle's inline loop
 * ({@link FixedBaseEcdsaSigner#FixedBaseEcdsaSigner(org.bouncycastle.crypto.signers.DSAKCalculator)}).</li>
 * </ul>
 * A real HSM does the same kind of thing inside its boundary: its nonce and any precomputed state never leave
 * the device's protected memory, and the signing key's holder never sees them. A simulator's process memory
 * is its boundary: its keys are test keys (see {@link FixedBaseTable} on side channels), and keys that
 * protect anything belong in a real HSM.
 *
 * <p>Work is done in batches of {@value #BATCH}: the sums k·G are made affine together (BouncyCastle's
 * batch normalisation, one field inversion for the batch) and the k are inverted together (Montgomery's
 * trick, one inversion modulo n), so a precomputed nonce costs less CPU than an inline one, not only less
 * time on the signer's thread. One daemon thread per process ("ecdsa-nonces") refills every cluster's
 * queues, one curve at a time.
 */
public final class PrecomputedNonces implements AutoCloseable {
    /** Nonces kept ready per curve. */
    static final int CAPACITY = 256;
    /** Signatures with a curve before its queue is first filled (as many as the table of G waits for). */
    static final int TAKES_BEFORE_REFILL = FixedBaseMultiplier.USES_BEFORE_TABLE;
    /** Nonces computed together (one inversion each way for the batch). */
    static final int BATCH = 32;
    /** Curves with a queue per instance: the simulator offers six. */
    private static final int MAX_CURVES = 16;
    private static final Logger LOG = LoggerFactory.getLogger(PrecomputedNonces.class);

    private final SecureRandom random;
    private final Executor refills;
    private final int capacity;
    private final int takesBeforeRefill;
    private final Map<FixedBaseMultiplier, Curve> curves = new ConcurrentHashMap<>();
    private final LongAdder taken = new LongAdder();
    private final LongAdder missed = new LongAdder();
    private volatile boolean closed;

    /** Nonces drawn from {@code random} (the cluster's DRBG), refilled on the process's "ecdsa-nonces" thread. */
    public PrecomputedNonces(SecureRandom random) {
        this(random, RefillThread::execute, CAPACITY, TAKES_BEFORE_REFILL);
    }

    /** For tests: where refills run, how many are kept, and after how many signatures refilling starts. */
    PrecomputedNonces(SecureRandom random, Executor refills, int capacity, int takesBeforeRefill) {
        this.random = random;
        this.refills = refills;
        this.capacity = capacity;
        this.takesBeforeRefill = takesBeforeRefill;
    }

    /** A ready nonce for this domain, removed from the queue (it is never given out again), or null: compute one inline. */
    Nonce take(ECDomainParameters domain) {
        Curve curve = curve(domain);
        Nonce nonce = curve == null ? null : curve.take();
        (nonce == null ? missed : taken).increment();
        return nonce;
    }

    /** Signatures that used a precomputed nonce. */
    public long taken() {
        return taken.sum();
    }

    /** Signatures that found the queue empty and computed their nonce inline. */
    public long missed() {
        return missed.sum();
    }

    /** Nonces ready now for this domain. */
    int ready(ECDomainParameters domain) {
        Curve curve = curve(domain);
        return curve == null ? 0 : curve.ready.size();
    }

    /** Fills this domain's queue now, on the caller's thread (tests; the refill thread does the same). */
    void fill(ECDomainParameters domain) {
        Curve curve = curve(domain);
        if (curve != null) {
            curve.fillUp();
        }
    }

    /** Drops every ready nonce and stops refilling: the cluster is closing. */
    @Override
    public void close() {
        closed = true;
        curves.values().forEach(c -> c.ready.clear());
    }

    private Curve curve(ECDomainParameters domain) {
        if (closed) {
            return null;
        }
        FixedBaseMultiplier multiplier = FixedBaseMultiplier.of(domain);
        Curve curve = curves.get(multiplier);
        if (curve == null) {
            if (curves.size() >= MAX_CURVES) {
                return null;
            }
            curve = curves.computeIfAbsent(multiplier, m -> new Curve(domain, m));
        }
        return curve.domain.getN().equals(domain.getN()) ? curve : null;
    }

    /** A precomputed nonce: r = x(k·G) mod n and k⁻¹ mod n, for one signature. */
    record Nonce(BigInteger r, BigInteger kInverse) {
    }

    /** One curve's queue and its refill state. */
    private final class Curve {
        final ECDomainParameters domain;
        final FixedBaseMultiplier multiplier;
        final BlockingQueue<Nonce> ready = new ArrayBlockingQueue<>(Math.max(1, capacity));
        final AtomicInteger takes = new AtomicInteger();
        final AtomicBoolean refilling = new AtomicBoolean();
        /** BouncyCastle's random nonce, used by one fill at a time (fills are synchronized on this curve). */
        final RandomDSAKCalculator nonces = new RandomDSAKCalculator();

        Curve(ECDomainParameters domain, FixedBaseMultiplier multiplier) {
            this.domain = domain;
            this.multiplier = multiplier;
            nonces.init(domain.getN(), random);
        }

        Nonce take() {
            Nonce nonce = ready.poll();
            if (takes.get() < takesBeforeRefill) {
                takes.incrementAndGet();
            } else if (ready.size() <= capacity / 2) {
                startRefill();
            }
            return nonce;
        }

        /** At most one refill per curve is queued or running; it fills the queue up, then looks once more. */
        void startRefill() {
            if (closed || !refilling.compareAndSet(false, true)) {
                return;
            }
            try {
                refills.execute(this::refill);
            } catch (RejectedExecutionException e) {
                refilling.set(false);
            }
        }

        private void refill() {
            try {
                fillUp();
            } catch (RuntimeException e) {
                // The signers compute inline meanwhile; the next take tries again.
                LOG.warn("ECDSA nonces: a refill failed", e);
            } finally {
                refilling.set(false);
            }
            if (!closed && ready.size() <= capacity / 2) {
                startRefill(); // taken faster than refilled while the flag was still set
            }
        }

        synchronized void fillUp() {
            while (!closed && ready.remainingCapacity() > 0) {
                for (Nonce n : compute(Math.min(BATCH, ready.remainingCapacity()))) {
                    if (closed || !ready.offer(n)) {
                        return;
                    }
                }
            }
        }

        /** {@code count} fresh nonces: random k, the sums k·G made affine together, the k inverted together. */
        private List<Nonce> compute(int count) {
            BigInteger n = domain.getN();
            BigInteger[] k = new BigInteger[count];
            ECPoint[] points = new ECPoint[count];
            for (int i = 0; i < count; i++) {
                k[i] = nonces.nextK();
                points[i] = multiplier.multiply(domain.getG(), k[i]);
            }
            domain.getCurve().normalizeAll(points);
            BigInteger[] inverses = inverses(k, n);
            List<Nonce> made = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                BigInteger r = points[i].getAffineXCoord().toBigInteger().mod(n);
                if (r.signum() != 0) { // r = 0 would need another k (ECDSA's rule); with P-256 it never happens
                    made.add(new Nonce(r, inverses[i]));
                }
            }
            return made;
        }
    }

    /**
     * k⁻¹ mod n for every k (all in [1, n−1], n prime) with one inversion: the running products
     * p_i = k_0·…·k_i, then p_last⁻¹ walked back down (Montgomery's trick).
     */
    static BigInteger[] inverses(BigInteger[] k, BigInteger n) {
        BigInteger[] prefix = new BigInteger[k.length];
        BigInteger product = BigInteger.ONE;
        for (int i = 0; i < k.length; i++) {
            product = BigIntegers.modMult(n, product, k[i]);
            prefix[i] = product;
        }
        BigInteger inverse = BigIntegers.modOddInverse(n, product);
        BigInteger[] out = new BigInteger[k.length];
        for (int i = k.length - 1; i > 0; i--) {
            out[i] = BigIntegers.modMult(n, inverse, prefix[i - 1]);
            inverse = BigIntegers.modMult(n, inverse, k[i]);
        }
        if (k.length > 0) {
            out[0] = inverse;
        }
        return out;
    }

    /** The process's one refill thread, started by the first refill (a daemon: it never holds the process up). */
    private static final class RefillThread {
        private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "ecdsa-nonces");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });

        static void execute(Runnable refill) {
            EXECUTOR.execute(refill);
        }
    }
}
