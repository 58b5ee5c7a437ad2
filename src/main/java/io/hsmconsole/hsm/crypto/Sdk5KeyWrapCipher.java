package io.hsmconsole.hsm.crypto;

import io.hsmconsole.hsm.key.Sdk5WrapMechanism;
import io.hsmconsole.hsm.key.Sdk5WrapParameters;
import io.hsmconsole.hsm.key.WrapMechanism;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC3394WrapEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;

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
                case AES_GCM -> gcmWrap(key, p, payload, random, false);
                case CLOUDHSM_AES_GCM -> gcmWrap(key, p, payload, random, true);
                case RSA_OAEP, RSA_PKCS -> new Wrapped(rsa(m, p, true, key, random, payload), null);
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
            case AES_GCM -> gcm(false, key, p.tagBits(), p.iv(), p.aad(), data);
            case CLOUDHSM_AES_GCM -> {
                if (data.length < Sdk5WrapParameters.GCM_IV_BYTES) {
                    throw new InvalidCipherTextException("shorter than its IV");
                }
                byte[] iv = Arrays.copyOf(data, Sdk5WrapParameters.GCM_IV_BYTES);
                yield gcm(false, key, p.tagBits(), iv, p.aad(),
                        Arrays.copyOfRange(data, Sdk5WrapParameters.GCM_IV_BYTES, data.length));
            }
            case RSA_OAEP, RSA_PKCS -> rsa(m, p, false, key, null, data);
            case RSA_AES -> rsaAesUnwrap(p, key, data);
        };
    }

    private static Wrapped gcmWrap(CipherParameters key, Sdk5WrapParameters p, byte[] payload, SecureRandom random,
                                   boolean ivInFront) throws InvalidCipherTextException {
        byte[] iv = new byte[Sdk5WrapParameters.GCM_IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = gcm(true, key, p.tagBits(), iv, p.aad(), payload);
        if (!ivInFront) {
            return new Wrapped(sealed, iv);
        }
        byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
        System.arraycopy(sealed, 0, out, iv.length, sealed.length);
        return new Wrapped(out, null);
    }

    private static byte[] gcm(boolean encrypt, CipherParameters key, int tagBits, byte[] iv, byte[] aad, byte[] data)
            throws InvalidCipherTextException {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters((KeyParameter) key, tagBits, iv, aad));
        byte[] out = new byte[gcm.getOutputSize(data.length)];
        int n = gcm.processBytes(data, 0, data.length, out, 0);
        n += gcm.doFinal(out, n);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] rsa(Sdk5WrapMechanism m, Sdk5WrapParameters p, boolean encrypt, CipherParameters key,
                              SecureRandom random, byte[] data) throws InvalidCipherTextException {
        AsymmetricBlockCipher cipher = m == Sdk5WrapMechanism.RSA_PKCS ? new PKCS1Encoding(new RSABlindedEngine())
                : new OAEPEncoding(new RSABlindedEngine(), p.hash().newDigest(), p.mgf().newDigest(), null);
        cipher.init(encrypt, encrypt ? new ParametersWithRandom(key, random) : key);
        if (encrypt && data.length > cipher.getInputBlockSize()) {
            throw new InvalidCipherTextException("too long for the modulus");
        }
        return cipher.processBlock(data, 0, data.length);
    }

    /** PKCS #11's CKM_RSA_AES_KEY_WRAP: OAEP(temporary AES key) followed by RFC 5649 of the payload under it. */
    private static Wrapped rsaAesWrap(Sdk5WrapParameters p, CipherParameters key, byte[] payload, SecureRandom random)
            throws InvalidCipherTextException {
        byte[] temporary = new byte[RSA_AES_KEY_BYTES];
        random.nextBytes(temporary);
        try {
            byte[] head = rsa(Sdk5WrapMechanism.RSA_OAEP, p, true, key, random, temporary);
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
        int modulusBytes = (((RSAKeyParameters) key).getModulus().bitLength() + 7) / 8;
        if (data.length <= modulusBytes) {
            throw new InvalidCipherTextException("no wrapped payload after the RSA block");
        }
        byte[] temporary = rsa(Sdk5WrapMechanism.RSA_OAEP, p, false, key, null, Arrays.copyOf(data, modulusBytes));
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
