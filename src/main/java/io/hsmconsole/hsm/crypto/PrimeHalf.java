package io.hsmconsole.hsm.crypto;

import java.math.BigInteger;

/**
 * One prime's half of an RSA CRT private-key operation ({@link RsaPrivateOperation}): m^(d mod (prime-1))
 * mod prime, blinded by the prime's share of a pair (r^e, r^-1), unblinded, and checked against the public
 * exponent before it is returned; it also squares the pair for the next use.
 */
final class PrimeHalf {
    private final BigInteger prime;
    private final BigInteger exponent;
    private final BigInteger e;

    /** (r^e, r^-1) mod this prime. */
    record Pair(BigInteger forward, BigInteger inverse) {
    }

    /** The half's unblinded, checked value, and the pair squared for the next use. */
    record Result(BigInteger value, Pair next) {
    }

    PrimeHalf(BigInteger prime, BigInteger exponent, BigInteger e) {
        this.prime = prime;
        this.exponent = exponent;
        this.e = e;
    }

    /**
     * m^d mod prime through the blinded input m·r^e; refused when the result r fails r^e ≡ m (mod prime),
     * m reduced again for the comparison so a fault in the first reduction cannot agree with itself.
     *
     * @throws IllegalStateException when the check fails (a fault)
     */
    Result apply(BigInteger m, Pair blinding) {
        BigInteger blinded = m.mod(prime).multiply(blinding.forward()).mod(prime);
        BigInteger r = blinded.modPow(exponent, prime).multiply(blinding.inverse()).mod(prime);
        if (!r.modPow(e, prime).equals(m.mod(prime))) {
            throw new IllegalStateException("RSA private key operation failed its check against the public key");
        }
        return new Result(r, new Pair(square(blinding.forward()), square(blinding.inverse())));
    }

    private BigInteger square(BigInteger x) {
        return x.multiply(x).mod(prime);
    }
}
