package io.hsmconsole.hsm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hsmconsole.property.SeededSecureRandom;
import io.hsmconsole.property.Trials;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One prime's half of the CRT operation: blinded, it gives m^d mod p, and its check covers the blinding
 * pair and the unblinding too (a check on the blinded value, as before, let a wrong pair through).
 */
class PrimeHalfTest {
    private static RSAPrivateCrtKeyParameters key;

    @BeforeAll
    static void makeKey() {
        RSAKeyPairGenerator g = new RSAKeyPairGenerator();
        g.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537),
                new SeededSecureRandom(new SplittableRandom(Trials.seed())), 1024, 80));
        key = (RSAPrivateCrtKeyParameters) g.generateKeyPair().getPrivate();
    }

    @Test
    void aBlindedHalfIsTheUnblindedResultModItsPrime() {
        PrimeHalf half = new PrimeHalf(key.getP(), key.getDP(), key.getPublicExponent());
        Trials.run(50, random -> {
            BigInteger m = new BigInteger(key.getModulus().bitLength() - 1, new java.util.Random(random.nextLong()));
            PrimeHalf.Pair pair = pair(new BigInteger(500, new java.util.Random(random.nextLong())).add(BigInteger.TWO));
            PrimeHalf.Result result = half.apply(m, pair);
            assertThat(result.value()).isEqualTo(m.modPow(key.getExponent(), key.getModulus()).mod(key.getP()));
            assertThat(result.next().forward()).isEqualTo(pair.forward().pow(2).mod(key.getP()));
            assertThat(result.next().inverse()).isEqualTo(pair.inverse().pow(2).mod(key.getP()));
        });
    }

    @Test
    void aWrongUnblindingFactorGivesNoResult() {
        PrimeHalf half = new PrimeHalf(key.getP(), key.getDP(), key.getPublicExponent());
        PrimeHalf.Pair good = pair(BigInteger.valueOf(12345));
        PrimeHalf.Pair wrongInverse = new PrimeHalf.Pair(good.forward(), good.inverse().add(BigInteger.ONE));
        assertThatThrownBy(() -> half.apply(BigInteger.valueOf(987654321), wrongInverse))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("check against the public key");
    }

    @Test
    void aWrongBlindingFactorGivesNoResult() {
        PrimeHalf half = new PrimeHalf(key.getP(), key.getDP(), key.getPublicExponent());
        PrimeHalf.Pair good = pair(BigInteger.valueOf(12345));
        PrimeHalf.Pair wrongForward = new PrimeHalf.Pair(good.forward().add(BigInteger.ONE), good.inverse());
        assertThatThrownBy(() -> half.apply(BigInteger.valueOf(987654321), wrongForward))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrongExponentGivesNoResult() {
        PrimeHalf half = new PrimeHalf(key.getP(), key.getDP().add(BigInteger.TWO), key.getPublicExponent());
        assertThatThrownBy(() -> half.apply(BigInteger.valueOf(987654321), pair(BigInteger.valueOf(777))))
                .isInstanceOf(IllegalStateException.class);
    }

    /** (r^e, r^-1) mod p. */
    private static PrimeHalf.Pair pair(BigInteger r) {
        BigInteger p = key.getP();
        return new PrimeHalf.Pair(r.modPow(key.getPublicExponent(), p), BigIntegers.modOddInverse(p, r.mod(p)));
    }
}
