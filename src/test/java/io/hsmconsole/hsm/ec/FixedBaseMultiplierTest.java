package io.hsmconsole.hsm.ec;

import static org.assertj.core.api.Assertions.assertThat;

import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.property.Gen;
import io.hsmconsole.property.SeededSecureRandom;
import io.hsmconsole.property.Trials;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * k·G on the precomputed table ({@link FixedBaseMultiplier}, {@link FixedBaseTable}) must be exactly
 * BouncyCastle's reference multiplication (plain double-and-add) on every curve the simulator offers,
 * for random scalars and for the ones a signed-digit recoding gets wrong first: 0, 1, n−1, n−2, n and
 * above (reduced), small ones, and scalars built from the windows at the digit boundaries (0x7f, 0x80,
 * 0x81, 0xff: a run of 0xff carries through every position). Signatures made on it verify with the
 * JDK and with OpenSSL and equal BouncyCastle's byte for byte when the nonce is deterministic; key pairs
 * are d·G.
 */
class FixedBaseMultiplierTest {
    private static final List<EcCurve> CURVES = List.of(EcCurve.values());
    /** The curves this JDK's SunEC verifies (JDK 17 has no P-224, P-192 or secp256k1). */
    private static final List<EcCurve> JDK_CURVES = List.of(EcCurve.PRIME256V1, EcCurve.SECP384R1, EcCurve.SECP521R1);

    @Test
    void productsEqualTheReferenceMultiplication() {
        Trials.run(600, random -> {
            ECDomainParameters domain = tabled(Gen.of(CURVES).next(random));
            BigInteger k = scalar(domain.getN()).next(random);
            ECPoint expected = ECAlgorithms.referenceMultiply(domain.getG(), k).normalize();
            ECPoint actual = FixedBaseMultiplier.of(domain).multiply(domain.getG(), k).normalize();
            assertThat(actual).as("k = 0x%s on %s", k.toString(16), domain.getCurve().getClass().getSimpleName())
                    .isEqualTo(expected);
        });
    }

    /** The constant-time variant (kept for the measurement) answers the same. */
    @Test
    void theConstantTimeSumIsTheSame() {
        Trials.run(100, random -> {
            ECDomainParameters domain = tabled(Gen.of(CURVES).next(random));
            BigInteger k = scalar(domain.getN()).filter(s -> s.signum() >= 0).next(random);
            FixedBaseTable table = FixedBaseMultiplier.of(domain).table();
            assertThat(table.multiplyConstantTime(k).normalize()).as("k = 0x%s", k.toString(16))
                    .isEqualTo(table.multiply(k).normalize());
        });
    }

    /** A point other than the domain's G is multiplied by BouncyCastle's own multiplier of the curve: the right product too. */
    @Test
    void anyOtherPointIsMultipliedRightToo() {
        Trials.run(40, random -> {
            ECDomainParameters domain = tabled(Gen.of(CURVES).next(random));
            ECPoint q = ECAlgorithms.referenceMultiply(domain.getG(), below(domain.getN(), random)).normalize();
            BigInteger k = scalar(domain.getN()).next(random);
            assertThat(FixedBaseMultiplier.of(domain).multiply(q, k).normalize())
                    .isEqualTo(ECAlgorithms.referenceMultiply(q, k).normalize());
        });
    }

    /** docs/performance.md states the table's memory from this count: 33 positions of 128 points for P-256. */
    @Test
    void aP256TableHolds33PositionsOf128Points() {
        FixedBaseTable table = FixedBaseMultiplier.of(tabled(EcCurve.PRIME256V1)).table();
        assertThat(table.points()).isEqualTo(33 * 128);
    }

    /**
     * A process that multiplies a G only a few times (a one-shot command line) keeps BouncyCastle's comb and
     * never builds a table; the table comes at the use after {@value FixedBaseMultiplier#USES_BEFORE_TABLE},
     * and the products are right before and after.
     */
    @Test
    void theCombAnswersUntilTheTableIsBuilt() {
        ECDomainParameters domain = AsymmetricMaterial.domain(EcCurve.PRIME256V1);
        FixedBaseMultiplier fresh = new FixedBaseMultiplier(domain, true);
        SplittableRandom random = new SplittableRandom(Trials.seed());
        for (int use = 1; use <= FixedBaseMultiplier.USES_BEFORE_TABLE + 8; use++) {
            BigInteger k = below(domain.getN(), random);
            assertThat(fresh.multiply(domain.getG(), k).normalize()).as("use %d", use)
                    .isEqualTo(ECAlgorithms.referenceMultiply(domain.getG(), k).normalize());
            assertThat(fresh.hasTable()).as("a table after use %d", use).isEqualTo(use > FixedBaseMultiplier.USES_BEFORE_TABLE);
        }
    }

    @Test
    void signaturesVerifyWithTheJdk() {
        Trials.run(60, random -> {
            EcCurve curve = Gen.of(JDK_CURVES).next(random);
            AsymmetricCipherKeyPair pair = pair(curve, random);
            byte[] message = new byte[random.nextInt(0, 200)];
            random.nextBytes(message);
            byte[] der = signSha256(pair, message, random);
            assertThat(EcSignatureJudges.jdkVerifies(pair.getPublic(), message, der)).as("the JDK verifies a %s signature", curve.curveName()).isTrue();
        });
    }

    /** OpenSSL verifies a signature made on the table on every curve, the ones this JDK lacks too. */
    @Test
    void signaturesVerifyWithOpenssl(@TempDir Path dir) {
        Trials.run(CURVES.size() * 2, random -> {
            EcCurve curve = CURVES.get(random.nextInt(CURVES.size()));
            AsymmetricCipherKeyPair pair = pair(curve, random);
            byte[] message = new byte[random.nextInt(1, 300)];
            random.nextBytes(message);
            EcSignatureJudges.assertOpensslVerifies(dir, pair.getPublic(), message, signSha256(pair, message, random), curve.curveName());
        });
    }

    /** With RFC 6979's nonce the whole signature is determined: it must be BouncyCastle's, byte for byte, on every curve. */
    @Test
    void deterministicSignaturesAreBouncyCastlesByteForByte() {
        Trials.run(60, random -> {
            EcCurve curve = Gen.of(CURVES).next(random);
            AsymmetricCipherKeyPair pair = pair(curve, random);
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            ECDSASigner ours = new FixedBaseEcdsaSigner(new HMacDSAKCalculator(new SHA256Digest()));
            ECDSASigner theirs = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            ours.init(true, pair.getPrivate());
            theirs.init(true, pair.getPrivate());
            assertThat(ours.generateSignature(hash)).as(curve.curveName()).isEqualTo(theirs.generateSignature(hash));
        });
    }

    /** The generator draws the same d as BouncyCastle's from the same random bytes, and its point is d·G. */
    @Test
    void keyPairsAreDTimesG() {
        Trials.run(60, random -> {
            EcCurve curve = Gen.of(CURVES).next(random);
            tabled(curve);
            long seed = random.nextLong();
            ECKeyPairGenerator ours = new FixedBaseEcKeyPairGenerator();
            ours.init(new ECKeyGenerationParameters(AsymmetricMaterial.domain(curve), new SeededSecureRandom(new SplittableRandom(seed))));
            ECKeyPairGenerator theirs = new ECKeyPairGenerator();
            theirs.init(new ECKeyGenerationParameters(AsymmetricMaterial.domain(curve), new SeededSecureRandom(new SplittableRandom(seed))));
            AsymmetricCipherKeyPair a = ours.generateKeyPair();
            AsymmetricCipherKeyPair b = theirs.generateKeyPair();
            BigInteger d = ((ECPrivateKeyParameters) a.getPrivate()).getD();
            assertThat(d).isEqualTo(((ECPrivateKeyParameters) b.getPrivate()).getD());
            ECPoint q = ((ECPublicKeyParameters) a.getPublic()).getQ().normalize();
            assertThat(q).as(curve.curveName()).isEqualTo(ECAlgorithms.referenceMultiply(
                    AsymmetricMaterial.domain(curve).getG(), d).normalize());
            assertThat(q).isEqualTo(((ECPublicKeyParameters) b.getPublic()).getQ().normalize());
        });
    }

    /** A DER ECDSA signature over SHA-256 of the message, with a random nonce, on the table. */
    private static byte[] signSha256(AsymmetricCipherKeyPair pair, byte[] message, SplittableRandom random) {
        DSADigestSigner signer = new DSADigestSigner(new FixedBaseEcdsaSigner(), new SHA256Digest());
        signer.init(true, new ParametersWithRandom(pair.getPrivate(), new SeededSecureRandom(random)));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** The curve's domain, its multiplier's table built (as it is after the first uses in a process). */
    private static ECDomainParameters tabled(EcCurve curve) {
        ECDomainParameters domain = AsymmetricMaterial.domain(curve);
        assertThat(FixedBaseMultiplier.of(domain).table()).isNotNull();
        return domain;
    }

    private static AsymmetricCipherKeyPair pair(EcCurve curve, SplittableRandom random) {
        tabled(curve);
        ECKeyPairGenerator g = new FixedBaseEcKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(AsymmetricMaterial.domain(curve), new SeededSecureRandom(random)));
        return g.generateKeyPair();
    }

    /** Scalars for a curve of order n: mostly random below n, and the edges. */
    private static Gen<BigInteger> scalar(BigInteger n) {
        BigInteger one = BigInteger.ONE;
        return Gen.frequency(
                Gen.weight(4, r -> below(n, r)),
                Gen.weight(2, Gen.of(BigInteger.ZERO, one, BigInteger.TWO, n.subtract(one), n.subtract(BigInteger.TWO),
                        n, n.add(one), n.shiftLeft(1).add(BigInteger.valueOf(5)))),
                Gen.weight(1, r -> BigInteger.valueOf(r.nextLong(1, 1L << 20))),
                Gen.weight(2, r -> windows(n, r)),
                Gen.weight(1, r -> below(n, r).negate()));
    }

    /** A scalar of whole bytes from the digit boundaries (0x00, 0x7f, 0x80, 0x81, 0xff), or all ones, reduced below 2n. */
    private static BigInteger windows(BigInteger n, SplittableRandom r) {
        int bytes = r.nextInt(1, (n.bitLength() + 7) / 8 + 1);
        if (r.nextInt(4) == 0) {
            BigInteger ones = BigInteger.ONE.shiftLeft(8 * bytes).subtract(BigInteger.ONE);
            return ones.min(n.subtract(BigInteger.ONE));
        }
        int[] boundary = {0x00, 0x7f, 0x80, 0x81, 0xff};
        BigInteger k = BigInteger.ZERO;
        for (int i = 0; i < bytes; i++) {
            k = k.shiftLeft(8).or(BigInteger.valueOf(boundary[r.nextInt(boundary.length)]));
        }
        return k;
    }

    private static BigInteger below(BigInteger n, SplittableRandom r) {
        byte[] bytes = new byte[(n.bitLength() + 7) / 8 + 8];
        r.nextBytes(bytes);
        return new BigInteger(1, bytes).mod(n);
    }
}
