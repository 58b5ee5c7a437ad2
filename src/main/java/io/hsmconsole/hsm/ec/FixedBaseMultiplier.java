package io.hsmconsole.hsm.ec;

import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.AbstractECMultiplier;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BouncyCastle's {@code ECMultiplier} for a domain's base point G on a {@link FixedBaseTable}: what
 * ECDSA signing (k·G), EC key pair generation (d·G) and a decoded private key's public point multiply.
 * The table of a domain is built on its first multiplication and kept for the process (its memory is
 * in {@link FixedBaseTable}); at most {@value #MAX_TABLES} tables (the simulator offers six curves),
 * after which, and for any point other than G, BouncyCastle's own multiplier of the curve answers.
 * The product is the same point either way: {@code FixedBaseMultiplierTest} checks it against
 * BouncyCastle's reference multiplication.
 */
public final class FixedBaseMultiplier extends AbstractECMultiplier {
    /** 8-bit signed digits: the fastest width measured (docs/performance.md, "ECDSA and P-256 pairs on a table of G"). */
    static final int WIDTH = 8;
    private static final int MAX_TABLES = 16;
    private static final Map<ECPoint, FixedBaseMultiplier> BY_BASE = new ConcurrentHashMap<>();
    /** The multipliers by their base point's own instance: a curve's G is one object, so the usual look-up is a few identity checks. */
    private static volatile FixedBaseMultiplier[] byInstance = new FixedBaseMultiplier[0];

    private final FixedBaseTable table;

    private FixedBaseMultiplier(FixedBaseTable table) {
        this.table = table;
    }

    /** The multiplier of this domain's base point, its table built now if this is the domain's first use. */
    public static FixedBaseMultiplier of(ECDomainParameters domain) {
        ECPoint g = domain.getG();
        for (FixedBaseMultiplier m : byInstance) {
            if (m.table.base() == g) {
                return m;
            }
        }
        FixedBaseMultiplier m = BY_BASE.get(g);
        if (m == null) {
            synchronized (BY_BASE) {
                m = BY_BASE.get(g);
                if (m == null) {
                    if (BY_BASE.size() >= MAX_TABLES) {
                        return new FixedBaseMultiplier(null);
                    }
                    m = new FixedBaseMultiplier(FixedBaseTable.build(g, domain.getN(), WIDTH));
                    BY_BASE.put(g, m);
                }
            }
        }
        remember(m);
        return m;
    }

    /** The table, for the tests that look inside; null when this multiplier has none. */
    FixedBaseTable table() {
        return table;
    }

    @Override
    protected ECPoint multiplyPositive(ECPoint p, BigInteger k) {
        if (table == null || (p != table.base() && !p.equals(table.base()))) {
            return p.multiply(k);
        }
        ECPoint product = table.multiply(k);
        // an equal curve of another instance (or class) gets a point of its own back
        return table.base().getCurve() == p.getCurve() ? product : p.getCurve().importPoint(product);
    }

    private static synchronized void remember(FixedBaseMultiplier m) {
        FixedBaseMultiplier[] now = byInstance;
        for (FixedBaseMultiplier known : now) {
            if (known == m) {
                return;
            }
        }
        if (now.length < MAX_TABLES) {
            FixedBaseMultiplier[] more = java.util.Arrays.copyOf(now, now.length + 1);
            more[now.length] = m;
            byInstance = more;
        }
    }
}
