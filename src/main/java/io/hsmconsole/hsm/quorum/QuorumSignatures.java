package io.hsmconsole.hsm.quorum;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Quorum keys as the CloudHSM docs describe them: RSA-2048, signatures RSASSA-PKCS1-v1_5 with
 * SHA-256 (what {@code openssl dgst -sha256 -sign} makes), so a token can also be signed offline.
 */
public final class QuorumSignatures {
    public static final int KEY_BITS = 2048;
    /** The longest registration token a quorum key signs: what RSA-2048 with PKCS#1 v1.5 padding holds (256 - 11). */
    public static final int MAX_REGISTRATION_TOKEN = KEY_BITS / 8 - 11;

    private QuorumSignatures() {
    }

    public static AsymmetricCipherKeyPair newKeyPair(SecureRandom random) {
        RSAKeyPairGenerator gen = new RSAKeyPairGenerator();
        gen.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, KEY_BITS, 100));
        return gen.generateKeyPair();
    }

    public static byte[] sign(byte[] privateKeyDer, byte[] data) {
        try {
            RSADigestSigner s = new RSADigestSigner(new SHA256Digest());
            s.init(true, PrivateKeyFactory.createKey(privateKeyDer));
            s.update(data, 0, data.length);
            return s.generateSignature();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CryptoException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    /** True only for a valid signature by an RSA key of at least 2048 bits. */
    public static boolean verify(byte[] publicKeyDer, byte[] data, byte[] signature) {
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(publicKeyDer));
            if (!(key instanceof RSAKeyParameters rsa) || rsa.getModulus().bitLength() < KEY_BITS) {
                return false;
            }
            RSADigestSigner s = new RSADigestSigner(new SHA256Digest());
            s.init(false, key);
            s.update(data, 0, data.length);
            return s.verifySignature(signature);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static byte[] publicDer(AsymmetricCipherKeyPair pair) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] privateDer(AsymmetricCipherKeyPair pair) {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
