package io.hsmconsole.hsm.key;

import java.math.BigInteger;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a key pair may be: RSA modulus lengths and public exponents (key_mgmt_util-genRSAKeyPair.md:
 * "an odd number greater than or equal to 65537"; the page's minimum modulus of 2048 is the FIPS one,
 * and a non-FIPS HSM also makes 1024-bit keys), and the EC curves of genECCKeyPair.md. The forms and
 * the shells ask these; the simulator enforces them.
 */
public final class PairRules {
    public static final int MIN_MODULUS_BITS = 1024;
    public static final int FIPS_MIN_MODULUS_BITS = 2048;
    public static final int MAX_MODULUS_BITS = 4096;
    public static final int MODULUS_STEP = 256;
    public static final BigInteger MIN_PUBLIC_EXPONENT = BigInteger.valueOf(65537);
    /** Ours: an exponent wider than this is no use and only slows verification down. */
    public static final int MAX_EXPONENT_BITS = 256;

    /**
     * key_mgmt_util-genDSAKeyPair.md: "The only valid value is 2048" for -m, the length of the prime p.
     * FIPS 186-4 pairs L = 2048 with N = 224 or 256; the simulator uses N = 224, the JDK's precomputed
     * 2048-bit domain (generating fresh 2048-bit DSA primes takes seconds).
     */
    public static final int DSA_MODULUS_BITS = 2048;
    public static final int DSA_SUBPRIME_BITS = 224;

    private PairRules() {
    }

    public static boolean isValidDsaModulus(int bits) {
        return bits == DSA_MODULUS_BITS;
    }

    /** The modulus lengths genDSAKeyPair takes, in words. */
    public static String dsaModulusRange() {
        return "the only valid value is " + DSA_MODULUS_BITS;
    }

    /** Whether the length is in range and a whole step; FIPS is judged by {@link #refusedInFips}. */
    public static boolean isValidModulus(int bits) {
        return bits >= MIN_MODULUS_BITS && bits <= MAX_MODULUS_BITS && bits % MODULUS_STEP == 0;
    }

    public static boolean refusedInFips(int modulusBits) {
        return modulusBits < FIPS_MIN_MODULUS_BITS;
    }

    public static boolean isValidPublicExponent(BigInteger e) {
        return e != null && e.testBit(0) && e.compareTo(MIN_PUBLIC_EXPONENT) >= 0 && e.bitLength() <= MAX_EXPONENT_BITS;
    }

    public static Optional<EcCurve> curve(int id) {
        return EcCurve.fromId(id);
    }

    /** "2, 14, 15 or 16": the ids the HSM knows, in words. */
    public static String curveIds() {
        String all = EcCurve.listed().stream().filter(c -> !c.refusedInFips()).map(c -> String.valueOf(c.id()))
                .collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /** The modulus lengths genRSAKeyPair takes, in words (its error texts and the shell's). */
    public static String modulusRange() {
        return MIN_MODULUS_BITS + " to " + MAX_MODULUS_BITS + " bits in steps of " + MODULUS_STEP + " ("
                + FIPS_MIN_MODULUS_BITS + " or more on a FIPS cluster)";
    }

    /** The public exponents genRSAKeyPair takes, in words. */
    public static String exponentRange() {
        return "an odd number from " + MIN_PUBLIC_EXPONENT + " up to " + MAX_EXPONENT_BITS + " bits";
    }
}
