package io.hsmconsole.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hsmconsole.hsm.crypto.RsaCrtEngine;
import io.hsmconsole.hsm.crypto.RsaPrivateOperation;
import io.hsmconsole.hsm.key.SignatureScheme;
import io.hsmconsole.property.SeededSecureRandom;
import io.hsmconsole.property.Trials;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RSA signatures on our own private-key operation ({@link RsaPrivateOperation}: CRT, a blinding pair
 * kept and squared, a check against the public key) against two outside judges, 200 seeded cases over
 * keys of three sizes, one operation object per key so its blinding pair renews several times: PKCS#1
 * v1.5 (deterministic) equals BouncyCastle's RSADigestSigner byte for byte with every hash and verifies
 * under the JDK's SunRsaSign; CKM_RSA_PKCS equals BouncyCastle's padding on its own engine and verifies
 * as the JDK's NONEwithRSA; PSS (salted) verifies under BouncyCastle and the JDK.
 */
class RsaSigningCrossCheckTest {
    private static final List<String> HASHES = List.of("SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512");
    private static final List<Pair> KEYS = new java.util.ArrayList<>();

    private record Pair(RSAPrivateCrtKeyParameters key, RsaPrivateOperation operation, PublicKey jdkPublic) {
    }

    @BeforeAll
    static void makeKeys() throws Exception {
        SplittableRandom seeded = new SplittableRandom(Trials.seed());
        for (int bits : new int[]{1024, 1032, 2048}) {
            RSAKeyPairGenerator g = new RSAKeyPairGenerator();
            g.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), new SeededSecureRandom(seeded), bits, 80));
            RSAPrivateCrtKeyParameters key = (RSAPrivateCrtKeyParameters) g.generateKeyPair().getPrivate();
            PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            KEYS.add(new Pair(key, new RsaPrivateOperation(key), pub));
        }
    }

    @Test
    void ourSignaturesAreBouncyCastlesAndTheJdkAcceptsThem() {
        Trials.run(200, random -> {
            Pair chosen = KEYS.get(random.nextInt(KEYS.size()));
            String hash = HASHES.get(random.nextInt(HASHES.size()));
            byte[] data = new byte[random.nextInt(600)];
            random.nextBytes(data);
            SeededSecureRandom rnd = new SeededSecureRandom(random);
            Pair pair = chosen;
            switch (random.nextInt(3)) {
                case 0 -> {
                    byte[] ours = sign(new Pkcs1Signer(new RsaCrtEngine(pair.operation()), SignatureScheme.newDigest(hash)), pair, data, rnd);
                    assertThat(ours).as("PKCS#1 v1.5 " + hash).isEqualTo(sign(new RSADigestSigner(SignatureScheme.newDigest(hash)), pair, data, rnd));
                    assertThat(jdkVerifies(hash.replace("-", "") + "withRSA", null, pair, data, ours)).isTrue();
                }
                case 1 -> {
                    byte[] digestInfo = java.util.Arrays.copyOf(data, Math.min(data.length, pair.operation().bytes() - 11));
                    byte[] ours = sign(new Pkcs1Signer(new RsaCrtEngine(pair.operation())), pair, digestInfo, rnd);
                    PKCS1Encoding bc = new PKCS1Encoding(new RSABlindedEngine());
                    bc.init(true, new ParametersWithRandom(pair.key(), rnd));
                    assertThat(ours).as("CKM_RSA_PKCS").isEqualTo(bc.processBlock(digestInfo, 0, digestInfo.length));
                    assertThat(jdkVerifies("NONEwithRSA", null, pair, digestInfo, ours)).isTrue();
                }
                default -> {
                    // PSS with a salt as long as the hash needs 2 hash lengths + 2 bytes: SHA-512 does not fit 1024 bits
                    pair = SignatureScheme.newDigest(hash).getDigestSize() * 2 + 2 > pair.operation().bytes() ? KEYS.get(2) : pair;
                    int salt = SignatureScheme.newDigest(hash).getDigestSize();
                    byte[] ours = sign(new PSSSigner(new RsaCrtEngine(pair.operation()), SignatureScheme.newDigest(hash),
                            SignatureScheme.newDigest(hash), salt), pair, data, rnd);
                    PSSSigner bc = new PSSSigner(new RSABlindedEngine(), SignatureScheme.newDigest(hash), SignatureScheme.newDigest(hash), salt);
                    bc.init(false, new RSAKeyParameters(false, pair.key().getModulus(), pair.key().getPublicExponent()));
                    bc.update(data, 0, data.length);
                    assertThat(bc.verifySignature(ours)).as("PSS " + hash + " under BouncyCastle").isTrue();
                    assertThat(jdkVerifies("RSASSA-PSS", new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), salt, 1),
                            pair, data, ours)).as("PSS " + hash + " under the JDK").isTrue();
                }
            }
        });
    }

    /** Threads sharing one key's operation (its blinding pair, the halves' pool) each get BouncyCastle's signature. */
    @Test
    void threadsSigningWithOneKeyAtOnceEachGetTheRightSignature() throws Exception {
        Pair pair = KEYS.get(2);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Void>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        byte[] data = ("thread " + thread + " signature " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                        java.security.SecureRandom rnd = new java.security.SecureRandom();
                        assertThat(sign(new Pkcs1Signer(new RsaCrtEngine(pair.operation()), SignatureScheme.newDigest("SHA-256")), pair, data, rnd))
                                .isEqualTo(sign(new RSADigestSigner(SignatureScheme.newDigest("SHA-256")), pair, data, rnd));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Void> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFaultInTheCrtHalvesGivesNoSignature() {
        RSAPrivateCrtKeyParameters k = KEYS.get(0).key();
        RSAPrivateCrtKeyParameters faulty = new RSAPrivateCrtKeyParameters(k.getModulus(), k.getPublicExponent(), k.getExponent(),
                k.getP(), k.getQ(), k.getDP().add(BigInteger.ONE), k.getDQ(), k.getQInv());
        RsaPrivateOperation operation = new RsaPrivateOperation(faulty);
        assertThatThrownBy(() -> operation.apply(BigInteger.valueOf(123456789), new java.security.SecureRandom()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("check against the public key");
    }

    /** The mod-q half runs on the other core: its fault comes back through the join, and so does a wrong recombination. */
    @Test
    void aFaultInTheOtherHalfOrInTheRecombinationGivesNoSignature() {
        RSAPrivateCrtKeyParameters k = KEYS.get(2).key();
        RSAPrivateCrtKeyParameters wrongDq = new RSAPrivateCrtKeyParameters(k.getModulus(), k.getPublicExponent(), k.getExponent(),
                k.getP(), k.getQ(), k.getDP(), k.getDQ().add(BigInteger.TWO), k.getQInv());
        RSAPrivateCrtKeyParameters wrongQinv = new RSAPrivateCrtKeyParameters(k.getModulus(), k.getPublicExponent(), k.getExponent(),
                k.getP(), k.getQ(), k.getDP(), k.getDQ(), k.getQInv().add(BigInteger.ONE));
        for (RSAPrivateCrtKeyParameters faulty : List.of(wrongDq, wrongQinv)) {
            RsaPrivateOperation operation = new RsaPrivateOperation(faulty);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> operation.apply(BigInteger.valueOf(123456789), new java.security.SecureRandom()))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("check against the public key");
            }
        }
    }

    @Test
    void inputAtOrAboveTheModulusIsRefused() {
        RsaPrivateOperation operation = KEYS.get(0).operation();
        assertThatThrownBy(() -> operation.apply(operation.modulus(), new java.security.SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] sign(Signer signer, Pair pair, byte[] data, java.security.SecureRandom random) throws Exception {
        signer.init(true, new ParametersWithRandom(pair.key(), random));
        signer.update(data, 0, data.length);
        return signer.generateSignature();
    }

    private static boolean jdkVerifies(String algorithm, PSSParameterSpec pss, Pair pair, byte[] data, byte[] signature) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        if (pss != null) {
            s.setParameter(pss);
        }
        s.initVerify(pair.jdkPublic());
        s.update(data);
        return s.verify(signature);
    }
}
