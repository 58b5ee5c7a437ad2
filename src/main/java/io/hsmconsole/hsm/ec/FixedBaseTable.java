package io.hsmconsole.hsm.ec;

import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat;

import java.math.BigInteger;

/**
 * k·B for one fixed point B (a curve's generator) as a sum of precomputed affine points, with no
 * doublings: k is written in signed digits of {@code width} bits, k = Σ dᵢ·2^(width·i) with
 * |dᵢ| ≤ 2^(width−1), and position i's table holds 1·Bᵢ … 2^(width−1)·Bᵢ for Bᵢ = 2^(width·i)·B, so
 * k·B = Σ ±table[i][|dᵢ|−1]: one mixed addition per non-zero digit (33 for P-256 with 8-bit digits),
 * against the 43 doublings and 43 additions of BouncyCastle's fixed-point comb. OpenSSL's
 * {@code ecp_nistz256} uses the same method (7-bit digits, 37 positions).
 *
 * <p>BouncyCastle does every field and point operation: the points are its curve's own (Jacobian, the
 * custom field arithmetic of P-256, P-384, secp256k1, ...), the table is made affine with its batch
 * normalisation (one inversion for the whole table), stored in its lookup tables (the coordinates as
 * flat int arrays), and each addition is its {@code ECPoint.add}, which takes the cheaper mixed formula
 * for an affine operand. This class only chooses which points to add.
 *
 * <p>Memory: positions × 2^(width−1) affine points of two field elements each, kept as BouncyCastle's
 * lookup tables keep them (flat int arrays). With 8-bit digits: P-256 and secp256k1 33 × 128 points,
 * 264 KiB; P-224 203 KiB; P-384 588 KiB; P-521 1,139 KiB; P-192 150 KiB; built once per curve and
 * process, after the curve's first {@value FixedBaseMultiplier#USES_BEFORE_TABLE} multiplications
 * ({@link FixedBaseMultiplier}), in 60-80 ms for P-256.
 *
 * <p>Not constant-time: which entry is read depends on the scalar's digits (a cache-timing side channel
 * on the nonce, and so on the private key, for an attacker who shares the CPU's caches and can trigger
 * many signatures with one key), and a zero digit skips its addition. Acceptable here because this is a
 * simulator: its keys are test keys for applications under development and CI, which protect nothing,
 * and it makes no side-channel claim (the comb this replaces reads its table in constant time, but its
 * point additions still branch on the point at infinity and on equal points); keys that protect
 * anything belong in a real HSM, which never runs this code.
 * A constant-time look-up (every entry of a position read, as BouncyCastle's comb does) costs more than
 * the table saves at this width: {@link #multiplyConstantTime} is that variant, kept so that
 * {@code BaseMultiplyBenchmark} can show it (at its best width, 5 or 6 bits, a signature would be
 * 0.8× SoftHSM2's rate instead of the 1.2× the one-entry read gives: docs/performance.md).
 */
public final class FixedBaseTable {
    private final ECPoint base;
    private final BigInteger order;
    private final int width;
    private final ECLookupTable[] positions;

    private FixedBaseTable(ECPoint base, BigInteger order, int width, ECLookupTable[] positions) {
        this.base = base;
        this.order = order;
        this.width = width;
        this.positions = positions;
    }

    /**
     * The table of {@code base} (a point of prime order {@code order}) for scalars below the order,
     * {@code width}-bit digits (2..16).
     */
    public static FixedBaseTable build(ECPoint base, BigInteger order, int width) {
        if (width < 2 || width > 16) {
            throw new IllegalArgumentException("digit width " + width + " is outside 2..16");
        }
        ECCurve curve = base.getCurve();
        int count = positionsFor(order.bitLength(), width);
        int half = 1 << (width - 1);
        ECPoint[] all = new ECPoint[count * half];
        ECPoint b = base.normalize();
        for (int i = 0; i < count; i++) {
            ECPoint multiple = b;
            for (int j = 0; j < half; j++) {
                all[i * half + j] = multiple;
                multiple = j + 1 < half ? multiple.add(b) : multiple;
            }
            // B(i+1) = 2^width · B(i) = 2 · (2^(width−1) · B(i)), the last entry doubled
            b = multiple.twice();
        }
        curve.normalizeAll(all);
        ECLookupTable[] tables = new ECLookupTable[count];
        for (int i = 0; i < count; i++) {
            tables[i] = curve.createCacheSafeLookupTable(all, i * half, half);
        }
        return new FixedBaseTable(base, order, width, tables);
    }

    /**
     * Digits of {@code width} bits cover the order's bits; the signed recoding can carry one more
     * digit out of the top (a digit above 2^(width−1) becomes negative and lends 1 to the next).
     */
    static int positionsFor(int bits, int width) {
        return (bits + width - 1) / width + 1;
    }

    /** The base point, the instance the table was built from. */
    public ECPoint base() {
        return base;
    }

    /** How many affine points the table holds. */
    public int points() {
        return positions.length << (width - 1);
    }

    /** k·B for any k ≥ 0 (reduced modulo the order first when it is not below it), not normalised. */
    public ECPoint multiply(BigInteger k) {
        int[] digits = signedDigits(reduced(k));
        ECPoint sum = base.getCurve().getInfinity();
        for (int i = 0; i < digits.length; i++) {
            int d = digits[i];
            if (d != 0) {
                ECPoint p = positions[i].lookupVar(Math.abs(d) - 1);
                sum = sum.add(d < 0 ? p.negate() : p);
            }
        }
        return sum;
    }

    /**
     * The same sum with every position's entries all read (BouncyCastle's constant-time look-up) and a
     * digit's sign applied by choosing between the point and its negation: what a cache-safe look-up
     * costs at this width, for {@code BaseMultiplyBenchmark} (not used by the simulator).
     */
    public ECPoint multiplyConstantTime(BigInteger k) {
        int[] digits = signedDigits(reduced(k));
        ECPoint sum = base.getCurve().getInfinity();
        for (int i = 0; i < digits.length; i++) {
            int d = digits[i];
            int magnitude = Math.abs(d);
            // a zero digit reads entry 0 and adds nothing: the reads are the same for every scalar
            ECPoint p = positions[i].lookup(Math.max(magnitude, 1) - 1);
            ECPoint negated = p.negate();
            ECPoint chosen = d < 0 ? negated : p;
            sum = magnitude == 0 ? sum : sum.add(chosen);
        }
        return sum;
    }

    private BigInteger reduced(BigInteger k) {
        if (k.signum() < 0) {
            throw new IllegalArgumentException("the scalar is negative");
        }
        return k.compareTo(order) >= 0 ? k.mod(order) : k;
    }

    /**
     * k's signed digits, least significant first: each window of {@code width} bits plus the carry from
     * below; a digit above 2^(width−1) is taken as digit − 2^width with a carry of 1 into the next.
     */
    int[] signedDigits(BigInteger k) {
        int[] digits = new int[positions.length];
        int radix = 1 << width;
        int half = radix >>> 1;
        int[] words = Nat.fromBigInteger(digits.length * width + 32, k);
        int carry = 0;
        for (int i = 0; i < digits.length; i++) {
            int d = window(words, i * width) + carry;
            carry = d > half ? 1 : 0;
            digits[i] = d - carry * radix;
        }
        if (carry != 0) {
            throw new IllegalStateException("a scalar below the order always fits the positions");
        }
        return digits;
    }

    /** The {@code width} bits from bit {@code from} up of a number in little-endian 32-bit words. */
    private int window(int[] words, int from) {
        int word = from >>> 5;
        int shift = from & 31;
        long both = (words[word] & 0xffffffffL) | ((long) words[word + 1] << 32);
        return (int) (both >>> shift) & ((1 << width) - 1);
    }
}
