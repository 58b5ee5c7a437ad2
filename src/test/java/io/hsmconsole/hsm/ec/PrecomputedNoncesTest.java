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
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Offline/online ECDSA ({@link PrecomputedNonces} with {@link FixedBaseEcdsaSigner}): every precomputed
 * (r, k⁻¹) is right (r = x(k·G) mod n for the k whose inverse it holds) on every curve, signatures made with
 * them verify with BouncyCastle, the JDK and OpenSSL, no two signatures share an r even when threads sign
 * while the queue refills, an empty queue signs inline, and refilling starts only after the first
 * {@value PrecomputedNonces#TAKES_BEFORE_REFILL} signatures of a curve.
 */
class PrecomputedNoncesTest {
    private static final List<EcCurve> CURVES = List.of(EcCurve.values());
    /** The curves this JDK's SunEC verifies. */
    private static final List<EcCurve> JDK_CURVES = List.of(EcCurve.PRIME256V1, EcCurve.SECP384R1, EcCurve.SECP521R1);
    private final ECDomainParameters p256 = AsymmetricMaterial.domain(EcCurve.PRIME256V1);
    private final SplittableRandom random = new SplittableRandom(Trials.seed());
    private final AsymmetricCipherKeyPair p256Pair = pair(EcCurve.PRIME256V1, random);

    /** Each ready nonce's r is x(k·G) mod n for k = (k⁻¹)⁻¹, by BouncyCastle's reference multiplication. */
    @Test
    void everyNonceIsRAndTheInverseOfOneK() {
        Trials.run(2, random -> {
            for (EcCurve curve : CURVES) {
                ECDomainParameters domain = AsymmetricMaterial.domain(curve);
                PrecomputedNonces nonces = new PrecomputedNonces(new SeededSecureRandom(random), Runnable::run, 40, 0);
                nonces.fill(domain);
                assertThat(nonces.ready(domain)).isEqualTo(40);
                BigInteger n = domain.getN();
                for (int i = 0; i < 40; i++) {
                    PrecomputedNonces.Nonce nonce = nonces.take(domain);
                    BigInteger k = nonce.kInverse().modInverse(n);
                    assertThat(ECAlgorithms.referenceMultiply(domain.getG(), k).normalize().getAffineXCoord().toBigInteger().mod(n))
                            .as("nonce %d on %s", i, curve.curveName()).isEqualTo(nonce.r());
                }
            }
        });
    }

    /** Montgomery's trick: one inversion for many, each result the inverse of its own k (a batch of one too). */
    @Test
    void batchInversesAreEachKsInverse() {
        BigInteger n = AsymmetricMaterial.domain(EcCurve.PRIME256V1).getN();
        Trials.run(50, random -> {
            BigInteger[] k = new BigInteger[random.nextInt(0, 40)];
            for (int i = 0; i < k.length; i++) {
                k[i] = random.nextInt(4) == 0 ? BigInteger.valueOf(random.nextInt(1, 3)) : below(n, random);
            }
            BigInteger[] inverses = PrecomputedNonces.inverses(k, n);
            for (int i = 0; i < k.length; i++) {
                assertThat(k[i].multiply(inverses[i]).mod(n)).as("k[%d] = %s", i, k[i]).isEqualTo(BigInteger.ONE);
            }
        });
    }

    /** Seeded: signatures on precomputed nonces verify with BouncyCastle on every curve, and with the JDK where it has the curve. */
    @Test
    void signaturesOnPrecomputedNoncesVerify() {
        Trials.run(60, random -> {
            EcCurve curve = Gen.of(CURVES).next(random);
            ECDomainParameters domain = AsymmetricMaterial.domain(curve);
            AsymmetricCipherKeyPair pair = pair(curve, random);
            PrecomputedNonces nonces = new PrecomputedNonces(new SeededSecureRandom(random), Runnable::run, 4, 0);
            nonces.fill(domain);
            byte[] message = new byte[random.nextInt(0, 200)];
            random.nextBytes(message);
            byte[] der = sign(nonces, pair, message, random);
            assertThat(nonces.taken()).as("the signature took a ready nonce").isEqualTo(1);

            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(domain.getN(), der);
            ECDSASigner bc = new ECDSASigner();
            bc.init(false, pair.getPublic());
            assertThat(bc.verifySignature(sha256(message), rs[0], rs[1])).as("BouncyCastle verifies on %s", curve.curveName()).isTrue();
            if (JDK_CURVES.contains(curve)) {
                assertThat(jdkVerifies(pair, message, der)).as("the JDK verifies on %s", curve.curveName()).isTrue();
            }
            byte[] other = message.clone();
            other = other.length == 0 ? new byte[] {1} : other;
            other[0] ^= 1;
            assertThat(bc.verifySignature(sha256(other), rs[0], rs[1])).as("another message does not verify").isFalse();
        });
    }

    /** OpenSSL verifies signatures made on precomputed nonces on every curve the simulator offers. */
    @Test
    void signaturesOnPrecomputedNoncesVerifyWithOpenssl(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(Trials.seed());
        for (EcCurve curve : CURVES) {
            ECDomainParameters domain = AsymmetricMaterial.domain(curve);
            AsymmetricCipherKeyPair pair = pair(curve, random);
            PrecomputedNonces nonces = new PrecomputedNonces(new SecureRandom(), Runnable::run, 2, 0);
            nonces.fill(domain);
            byte[] message = ("Pay " + random.nextInt(1000) + " to carol on " + curve.curveName()).getBytes(StandardCharsets.UTF_8);
            byte[] der = sign(nonces, pair, message, random);
            assertThat(nonces.taken()).isEqualTo(1);
            EcSignatureJudges.assertOpensslVerifies(dir, pair.getPublic(), message, der, curve.curveName());
        }
    }

    /**
     * Four threads sign 10,000 times with one key while the queue is refilled on its own thread: every r is
     * new (a nonce used twice would repeat its r, and give the key away), and every signature verifies.
     */
    @Test
    void noTwoSignaturesShareANonce() throws Exception {
        ECDomainParameters domain = p256;
        AsymmetricCipherKeyPair pair = p256Pair; // one key for the whole test
        ExecutorService refills = Executors.newSingleThreadExecutor();
        ExecutorService signers = Executors.newFixedThreadPool(4);
        try {
            PrecomputedNonces nonces = new PrecomputedNonces(new SecureRandom(), refills, 64, 0);
            nonces.fill(domain);
            Set<BigInteger> rs = ConcurrentHashMap.newKeySet();
            AtomicInteger invalid = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(signers.submit(() -> {
                    ECDSASigner verifier = new ECDSASigner();
                    verifier.init(false, pair.getPublic());
                    FixedBaseEcdsaSigner signer = new FixedBaseEcdsaSigner(nonces);
                    signer.init(true, new ParametersWithRandom(pair.getPrivate(), new SecureRandom()));
                    byte[] hash = new byte[32];
                    for (int i = 0; i < 2_500; i++) {
                        hash[i % 32]++;
                        BigInteger[] signature = signer.generateSignature(hash);
                        rs.add(signature[0]);
                        if (!verifier.verifySignature(hash, signature[0], signature[1])) {
                            invalid.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(invalid.get()).as("signatures that do not verify").isZero();
            assertThat(rs).as("distinct r over 10,000 signatures").hasSize(10_000);
            assertThat(nonces.taken() + nonces.missed()).isEqualTo(10_000);
            assertThat(nonces.taken()).as("signatures on precomputed nonces (the 64 filled first at least)").isGreaterThanOrEqualTo(64);
        } finally {
            signers.shutdownNow();
            refills.shutdownNow();
        }
    }

    /** With nothing ready (the refill never runs here) every signature computes its nonce inline, and verifies. */
    @Test
    void anEmptyQueueSignsInline() {
        ECDomainParameters domain = AsymmetricMaterial.domain(EcCurve.PRIME256V1);
        List<Runnable> asked = new ArrayList<>();
        PrecomputedNonces nonces = new PrecomputedNonces(new SecureRandom(), asked::add, 16, 0);
        Trials.run(40, random -> {
            AsymmetricCipherKeyPair pair = pair(EcCurve.PRIME256V1, random);
            byte[] message = new byte[random.nextInt(1, 100)];
            random.nextBytes(message);
            assertThat(jdkVerifies(pair, message, sign(nonces, pair, message, random))).isTrue();
        });
        assertThat(nonces.taken()).isZero();
        assertThat(nonces.missed()).isEqualTo(40);
        assertThat(nonces.ready(domain)).isZero();
        assertThat(asked).as("one refill asked for, none queued twice while it is pending").hasSize(1);
    }

    /**
     * A process that signs a few times (a one-shot command line) never starts refilling: the first refill is
     * asked for by the signature after the threshold, and running it fills the queue, which the next
     * signatures use.
     */
    @Test
    void refillingStartsAfterTheThresholdAndFillsTheQueue() throws Exception {
        ECDomainParameters domain = p256;
        AsymmetricCipherKeyPair pair = p256Pair; // one key for the whole test
        List<Runnable> asked = new ArrayList<>();
        PrecomputedNonces nonces = new PrecomputedNonces(new SecureRandom(), asked::add, 8, 5);
        byte[] message = {1, 2, 3};
        for (int i = 1; i <= 5; i++) {
            sign(nonces, pair, message, random);
            assertThat(asked).as("after signature %d", i).isEmpty();
        }
        sign(nonces, pair, message, random);
        assertThat(asked).hasSize(1);
        asked.remove(0).run();
        assertThat(nonces.ready(domain)).isEqualTo(8);
        for (int i = 0; i < 3; i++) {
            assertThat(jdkVerifies(pair, message, sign(nonces, pair, message, random))).isTrue();
        }
        assertThat(nonces.taken()).isEqualTo(3);
        assertThat(nonces.missed()).isEqualTo(6);
        assertThat(asked).as("5 left of 8: above the half, no refill yet").isEmpty();
        sign(nonces, pair, message, random);
        assertThat(asked).as("4 left of 8: refill").hasSize(1);
    }

    /** A closed cluster's nonces are dropped and none is given out again; signing goes on inline. */
    @Test
    void closingDropsTheReadyNonces() throws Exception {
        ECDomainParameters domain = p256;
        AsymmetricCipherKeyPair pair = p256Pair; // one key for the whole test
        PrecomputedNonces nonces = new PrecomputedNonces(new SecureRandom(), Runnable::run, 8, 0);
        nonces.fill(domain);
        nonces.close();
        assertThat(nonces.ready(domain)).isZero();
        assertThat(jdkVerifies(pair, new byte[] {7}, sign(nonces, pair, new byte[] {7}, random))).isTrue();
        assertThat(nonces.taken()).isZero();
    }

    /** A DER ECDSA signature over SHA-256 of the message, a precomputed nonce when one is ready. */
    private static byte[] sign(PrecomputedNonces nonces, AsymmetricCipherKeyPair pair, byte[] message, SplittableRandom random) {
        DSADigestSigner signer = new DSADigestSigner(new FixedBaseEcdsaSigner(nonces), new SHA256Digest());
        signer.init(true, new ParametersWithRandom(pair.getPrivate(), new SeededSecureRandom(random)));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static boolean jdkVerifies(AsymmetricCipherKeyPair pair, byte[] message, byte[] der) throws Exception {
        return EcSignatureJudges.jdkVerifies(pair.getPublic(), message, der);
    }

    private static byte[] sha256(byte[] message) {
        SHA256Digest d = new SHA256Digest();
        d.update(message, 0, message.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static AsymmetricCipherKeyPair pair(EcCurve curve, SplittableRandom random) {
        ECKeyPairGenerator g = new FixedBaseEcKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(AsymmetricMaterial.domain(curve), new SeededSecureRandom(random)));
        return g.generateKeyPair();
    }

    private static BigInteger below(BigInteger n, SplittableRandom r) {
        byte[] bytes = new byte[(n.bitLength() + 7) / 8 + 8];
        r.nextBytes(bytes);
        BigInteger k = new BigInteger(1, bytes).mod(n);
        return k.signum() == 0 ? BigInteger.ONE : k;
    }
}
