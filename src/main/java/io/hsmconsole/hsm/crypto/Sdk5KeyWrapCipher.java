package io.hsmconsole.hsm.crypto;

import io.hsmconsole.hsm.key.RsaEncryption;
import io.hsmconsole.hsm.key.Sdk5WrapMechanism;
import io.hsmconsole.hsm.key.Sdk5WrapParameters;
import io.hsmconsole.hsm.key.WrapMechanism;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.params.KeyParameter;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The bytes of Client SDK 5's wrapping mechanisms ({@link Sdk5WrapMechanism}); which keys may take
 * part is the simulator's to judge before. The AES wraps are key_mgmt_util's where they are the same
 * mechanism ({@link AesKeyWrap}), so a key wrapped by one tool unwraps in the other.
 */
public final class Sdk5KeyWrapCipher {
    /** CKM_RSA_AES_KEY_WRAP's temporary AES key: 256 bits. */
    public static final int RSA_AES_KEY_BYTES = 32;

    /** The wrapped bytes, and the IV the HSM chose for {@code aes-gcm} (null otherwise). */
    public record Wrapped(byte[] data, byte[] iv) {
    }

    private Sdk5KeyWrapCipher() {
    }

    /** {@code key}: the AES key's bytes ({@link KeyParameter}) or the RSA public key. */
    public static Wrapped wrap(Sdk5WrapMechanism m, Sdk5WrapParameters p, CipherParameters key, byte[] payload,
                               SecureRandom random) {
        try {
            return switch (m) {
                case AES_NO_PAD -> new Wrapped(AesKeyWrap.wrap(aes(key), WrapMechanism.NIST_AES_WRAP_NO_PAD, payload), null);
                case AES_PKCS5_PAD -> new Wrapped(AesKeyWrap.wrap(aes(key), WrapMechanism.AES_KEY_WRAP_PAD_PKCS5, payload), null);
                case AES_ZERO_PAD -> new Wrapped(AesKeyWrap.wrap(aes(key), WrapMechanism.NIST_AES_WRAP_NO_PAD,
                        Arrays.copyOf(payload, (payload.length + 7) / 8 * 8)), null);
                case AES_GCM -> {
                    AesGcm.Sealed sealed = AesGcm.seal(aes(key), p.tagBits(), p.aad(), payload, random);
                    yield new Wrapped(sealed.ciphertext(), sealed.iv());
                }
                case CLOUDHSM_AES_GCM -> new Wrapped(AesGcm.seal(aes(key), p.tagBits(), p.aad(), payload, random)
                        .ivInFront(), null);
                case RSA_OAEP, RSA_PKCS -> new Wrapped(rsa(m, p).encrypt(key, random, payload), null);
                case RSA_AES -> rsaAesWrap(p, key, payload, random);
            };
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("the payload does not fit the mechanism", e);
        }
    }

    /** {@code key}: the AES key's bytes or the RSA private key. */
    public static byte[] unwrap(Sdk5WrapMechanism m, Sdk5WrapParameters p, CipherParameters key, byte[] data)
            throws InvalidCipherTextException {
        return switch (m) {
            case AES_NO_PAD, AES_ZERO_PAD -> AesKeyWrap.unwrap(aes(key), WrapMechanism.NIST_AES_WRAP_NO_PAD, data);
            case AES_PKCS5_PAD -> AesKeyWrap.unwrap(aes(key), WrapMechanism.AES_KEY_WRAP_PAD_PKCS5, data);
            case AES_GCM -> AesGcm.open(aes(key), p.tagBits(), p.iv(), p.aad(), data);
            case CLOUDHSM_AES_GCM -> AesGcm.openIvInFront(aes(key), p.tagBits(), p.aad(), data);
            case RSA_OAEP, RSA_PKCS -> rsa(m, p).decrypt(key, data);
            case RSA_AES -> rsaAesUnwrap(p, key, data);
        };
    }

    /**
     * The RSA padding, built where PKCS#11 and KMU build theirs. OAEP's MGF1 is on OAEP's own hash: the
     * simulator refuses any other pair before ({@code Sdk5KeyWrap}), as CloudHSM does.
     */
    private static RsaEncryption rsa(Sdk5WrapMechanism m, Sdk5WrapParameters p) {
        return m == Sdk5WrapMechanism.RSA_PKCS ? RsaEncryption.pkcs1() : RsaEncryption.oaep(p.hash(), null);
    }

    /** PKCS #11's CKM_RSA_AES_KEY_WRAP: OAEP(temporary AES key) followed by RFC 5649 of the payload under it. */
    private static Wrapped rsaAesWrap(Sdk5WrapParameters p, CipherParameters key, byte[] payload, SecureRandom random)
            throws InvalidCipherTextException {
        byte[] temporary = new byte[RSA_AES_KEY_BYTES];
        random.nextBytes(temporary);
        try {
            byte[] head = rsa(Sdk5WrapMechanism.RSA_OAEP, p).encrypt(key, random, temporary);
            byte[] tail = AesKeyWrap.wrap(temporary, WrapMechanism.NIST_AES_WRAP_PAD, payload);
            byte[] out = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, out, head.length, tail.length);
            return new Wrapped(out, null);
        } finally {
            Arrays.fill(temporary, (byte) 0);
        }
    }

    private static byte[] rsaAesUnwrap(Sdk5WrapParameters p, CipherParameters key, byte[] data)
            throws InvalidCipherTextException {
        int modulusBytes = RsaEncryption.modulusBytes(key);
        if (data.length <= modulusBytes) {
            throw new InvalidCipherTextException("no wrapped payload after the RSA block");
        }
        byte[] temporary = rsa(Sdk5WrapMechanism.RSA_OAEP, p).decrypt(key, Arrays.copyOf(data, modulusBytes));
        try {
            if (temporary.length != 16 && temporary.length != 24 && temporary.length != 32) {
                throw new InvalidCipherTextException("the RSA block holds no AES key");
            }
            return AesKeyWrap.unwrap(temporary, WrapMechanism.NIST_AES_WRAP_PAD,
                    Arrays.copyOfRange(data, modulusBytes, data.length));
        } finally {
            Arrays.fill(temporary, (byte) 0);
        }
    }

    private static byte[] aes(CipherParameters key) {
        return ((KeyParameter) key).getKey();
    }
}
