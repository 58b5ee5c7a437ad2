package io.hsmconsole.hsm.ec;

import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.AbstractECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * BouncyCastle's {@code ECMultiplier} for a domain's base point G on a {@link FixedBaseTable}: what
 * ECDSA signing (k·G), EC key pair generation (d·G) and a decoded private key's public point multiply.
 *
 * <p>A table costs 60-80 ms to build for P-256 (0.6 s for P-521) and saves about 45 µs per P-256
 * multiplication, so it is built only once a process has multiplied that G {@value #USES_BEFORE_TABLE}
 * times: a one-shot command line that makes one key or one signature keeps BouncyCastle's fixed-point
 * comb (as before) and never pays for a table; the daemon and the console build it early in their
 * first burst of work and keep it for the process. One multiplier per domain, at most
 * {@value #MAX_TABLES} with tables (the simulator offers six curves); for any point other than G,
 * BouncyCastle's own multiplier of the curve answers. The product is the same point either way:
 * {@code FixedBaseMultiplierTest} checks it against BouncyCastle's reference multiplication.
 */
public final class FixedBaseMultiplier extends AbstractECMultiplier {
    /** 8-bit signed digits: docs/performance.md ("ECDSA and P-256 pairs on a table of G") has the widths measured. */
    static final int WIDTH = 8;
    /** Multiplications of a G by the comb before its table is built (about 20 ms of comb work on P-256). */
    static final int USES_BEFORE_TABLE = 256;
    private static final int MAX_TABLES = 16;
    private static final Map<ECPoint, FixedBaseMultiplier> BY_BASE = new ConcurrentHashMap<>();
    /** The multipliers by their base point's own instance: a curve's G is one object, so the usual look-up is a few identity checks. */
    private static volatile FixedBaseMultiplier[] byInstance = new FixedBaseMultiplier[0];

    private final ECDomainParameters domain;
    private final boolean mayBuild;
    private final AtomicInteger uses = new AtomicInteger();
    private final FixedPointCombMultiplier comb = new FixedPointCombMultiplier();
    private volatile FixedBaseTable table;

    FixedBaseMultiplier(ECDomainParameters domain, boolean mayBuild) {
        this.domain = domain;
        this.mayBuild = mayBuild;
    }

    /** The multiplier of this domain's base point (one per distinct G in the process). */
    public static FixedBaseMultiplier of(ECDomainParameters domain) {
        ECPoint g = domain.getG();
        for (FixedBaseMultiplier m : byInstance) {
            if (m.domain.getG() == g) {
                return m;
            }
        }
        FixedBaseMultiplier m = BY_BASE.get(g);
        if (m == null) {
            synchronized (BY_BASE) {
                m = BY_BASE.get(g);
                if (m == null) {
                    if (BY_BASE.size() >= MAX_TABLES) {
                        return new FixedBaseMultiplier(domain, false);
                    }
                    m = new FixedBaseMultiplier(domain, true);
                    BY_BASE.put(g, m);
                }
            }
        }
        remember(m);
        return m;
    }

    /** The table, built now if it is not yet (the tests use every path through it); null when none may be built. */
    synchronized FixedBaseTable table() {
        if (table == null && mayBuild) {
            table = FixedBaseTable.build(domain.getG(), domain.getN(), WIDTH);
        }
        return table;
    }

    /** Whether the table has been built. */
    boolean hasTable() {
        return table != null;
    }

    @Override
    protected ECPoint multiplyPositive(ECPoint p, BigInteger k) {
        ECPoint g = domain.getG();
        if (p != g && !p.equals(g)) {
            return p.multiply(k);
        }
        FixedBaseTable t = table;
        if (t == null) {
            if (!mayBuild || uses.incrementAndGet() <= USES_BEFORE_TABLE) {
                // BouncyCastle's comb, as its ECDSASigner and ECKeyPairGenerator use (it takes scalars below 2^bits(n))
                return comb.multiply(p, k.bitLength() > domain.getN().bitLength() ? k.mod(domain.getN()) : k);
            }
            t = table();
        }
        ECPoint product = t.multiply(k);
        // an equal curve of another instance (or class) gets a point of its own back
        return g.getCurve() == p.getCurve() ? product : p.getCurve().importPoint(product);
    }

    private static synchronized void remember(FixedBaseMultiplier m) {
        FixedBaseMultiplier[] now = byInstance;
        for (FixedBaseMultiplier known : now) {
            if (known == m) {
                return;
            }
        }
        if (now.length < MAX_TABLES) {
            FixedBaseMultiplier[] more = Arrays.copyOf(now, now.length + 1);
            more[now.length] = m;
            byInstance = more;
        }
    }
}
