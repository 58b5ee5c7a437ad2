package io.hsmconsole.hsm;

import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.hsm.crypto.AesGcm;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.CipherMechanism;
import io.hsmconsole.hsm.key.CipherMechanism.GcmRule;
import io.hsmconsole.hsm.key.CipherRequest;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.DefaultBufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * Encrypting and decrypting host data, and AES-CMAC, with a key inside the HSM. The rules are
 * {@link KeyUse#usable}'s (a visible key of the mode's type whose attribute permits the use, quorum
 * last) plus the mode's own: the parameter sizes, whole blocks where there is no padding, and
 * CloudHSM's AES-GCM rules — the HSM makes the IV (the application passes 12 zero bytes; the IV the HSM
 * chose comes back in front of the ciphertext, as with CloudHSM's CKM_CLOUDHSM_AES_GCM) and at most
 * 16 KiB of data per call.
 */
final class KeyCipher {
    static final int CMAC_BYTES = 16;
    private final HsmSession session;
    private final SecureRandom random;

    KeyCipher(HsmSession session, SecureRandom random) {
        this.session = session;
        this.random = random;
    }

    HsmResult<byte[]> crypt(long handle, boolean encrypt, CipherRequest request, byte[] data) {
        CipherMechanism mode = request.mechanism();
        HsmResult<KeyRecord> usable = new KeyUse(session).usable(handle, k -> k.keyType() == mode.keyType().algorithm(),
                encrypt ? Attribute.ENCRYPT : Attribute.DECRYPT,
                () -> parameterRefusal(request, encrypt).or(() -> lengthRefusal(request, encrypt, data.length)));
        if (!usable.isSuccess()) {
            return usable.map(k -> null);
        }
        KeyRecord key = usable.value();
        try {
            Optional<String> jdk = JdkAesModes.transformation(mode);
            return session.ok(key, mode == CipherMechanism.AES_GCM ? gcm(key, encrypt, request, data)
                    : jdk.isPresent() ? JdkAesModes.run(jdk.get(), key.material(), encrypt, request.iv(), data)
                    : run(buffered(key, encrypt, request), data));
        } catch (InvalidCipherTextException e) {
            return session.fail(ReturnCode.ENCRYPTED_DATA_INVALID, key); // bad padding or a GCM tag that does not match
        }
    }

    /** AES-CMAC (NIST SP 800-38B) of {@code data}: CKM_AES_CMAC's sign, 16 bytes. */
    HsmResult<byte[]> cmac(long handle, byte[] data) {
        return new KeyUse(session).usable(handle, KeyCipher::isAes, Attribute.SIGN, Optional::empty)
                .map(key -> cmac(key, data));
    }

    HsmResult<Void> cmacVerify(long handle, byte[] data, byte[] mac) {
        HsmResult<KeyRecord> usable = new KeyUse(session).usable(handle, KeyCipher::isAes, Attribute.VERIFY, Optional::empty);
        if (!usable.isSuccess()) {
            return usable.map(k -> null);
        }
        KeyRecord key = usable.value();
        return MessageDigest.isEqual(cmac(key, data), mac) ? session.ok(key, null)
                : session.fail(ReturnCode.SIGNATURE_INVALID, key);
    }

    private static boolean isAes(KeyRecord key) {
        return key.keyType() == KeyAlgorithm.AES;
    }

    private static byte[] cmac(KeyRecord key, byte[] data) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(key.material()));
        mac.update(data, 0, data.length);
        byte[] out = new byte[CMAC_BYTES];
        mac.doFinal(out, 0);
        return out;
    }

    private static Optional<ReturnCode> parameterRefusal(CipherRequest request, boolean encrypt) {
        CipherMechanism mode = request.mechanism();
        byte[] iv = request.iv();
        int ivLength = iv == null ? 0 : iv.length;
        boolean valid = ivLength == mode.ivLength() && switch (mode) {
            case AES_CTR -> request.counterBits() >= 1 && request.counterBits() <= 128;
            case AES_GCM -> validTag(request.tagBits()) && (!encrypt || isZero(iv));
            default -> true;
        };
        return valid ? Optional.empty() : Optional.of(ReturnCode.MECHANISM_PARAM_INVALID);
    }

    /** SP 800-38D's tag lengths for general use: 96 to 128 bits in whole bytes. */
    private static boolean validTag(int bits) {
        return bits >= 96 && bits <= 128 && bits % 8 == 0;
    }

    private static boolean isZero(byte[] iv) {
        for (byte b : iv) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<ReturnCode> lengthRefusal(CipherRequest request, boolean encrypt, int length) {
        CipherMechanism mode = request.mechanism();
        if (mode == CipherMechanism.AES_GCM) {
            int tag = request.tagBits() / 8;
            boolean fits = encrypt ? length <= GcmRule.MAX_DATA : length >= tag && length - tag <= GcmRule.MAX_DATA;
            return fits ? Optional.empty() : Optional.of(ReturnCode.DATA_LEN_INVALID);
        }
        boolean wholeBlocks = length > 0 && length % mode.blockSize() == 0;
        boolean anyLength = mode.streams() || (mode.padded() && encrypt);
        return anyLength || wholeBlocks ? Optional.empty() : Optional.of(ReturnCode.BLOCK_DATA_LEN_INVALID);
    }

    private static BufferedBlockCipher buffered(KeyRecord key, boolean encrypt, CipherRequest request) {
        CipherMechanism mode = request.mechanism();
        BlockCipher engine = mode.keyType() == KeyType.AES ? AESEngine.newInstance() : new DESedeEngine();
        BufferedBlockCipher cipher = switch (mode) {
            case AES_ECB, DES3_ECB -> new DefaultBufferedBlockCipher(engine);
            case AES_CBC, DES3_CBC -> new DefaultBufferedBlockCipher(CBCBlockCipher.newInstance(engine));
            case AES_CBC_PAD, DES3_CBC_PAD -> new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine), new PKCS7Padding());
            case AES_CTR -> new DefaultBufferedBlockCipher(SICBlockCipher.newInstance(engine));
            case AES_GCM -> throw new IllegalArgumentException("GCM is not a buffered block mode");
        };
        KeyParameter k = new KeyParameter(key.material());
        cipher.init(encrypt, request.iv() == null ? k : new ParametersWithIV(k, request.iv()));
        return cipher;
    }

    private static byte[] run(BufferedBlockCipher cipher, byte[] data) throws InvalidCipherTextException {
        byte[] out = new byte[cipher.getOutputSize(data.length)];
        int n = cipher.processBytes(data, 0, data.length, out, 0);
        n += cipher.doFinal(out, n);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Encryption answers the HSM's IV, the ciphertext and the tag; decryption takes the IV from the parameters. */
    private byte[] gcm(KeyRecord key, boolean encrypt, CipherRequest request, byte[] data) throws InvalidCipherTextException {
        return encrypt ? AesGcm.seal(key.material(), request.tagBits(), request.aad(), data, random).ivInFront()
                : AesGcm.open(key.material(), request.tagBits(), request.iv(), request.aad(), data);
    }
}
