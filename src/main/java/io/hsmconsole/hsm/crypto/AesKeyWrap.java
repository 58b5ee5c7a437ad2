package io.hsmconsole.hsm.crypto;

import io.hsmconsole.hsm.key.WrapMechanism;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Wrapper;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC3394WrapEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The AES key wraps of {@code wrapKey -m 4|5|6} (manage-aes-key-wrapping.md): inside the HSM for
 * wrapKey / unWrapKey, and on the host where the tool wraps with a key it holds in a file
 * ({@code imSymKey -wk}).
 */
public final class AesKeyWrap {
    private AesKeyWrap() {
    }

    public static byte[] wrap(byte[] wrappingKey, WrapMechanism mechanism, byte[] plaintext) {
        Wrapper w = wrapper(mechanism);
        w.init(true, new KeyParameter(wrappingKey));
        byte[] input = mechanism == WrapMechanism.AES_KEY_WRAP_PAD_PKCS5 ? Pkcs5Padding.pad(plaintext) : plaintext;
        return w.wrap(input, 0, input.length);
    }

    public static byte[] unwrap(byte[] wrappingKey, WrapMechanism mechanism, byte[] ciphertext)
            throws InvalidCipherTextException {
        Wrapper w = wrapper(mechanism);
        w.init(false, new KeyParameter(wrappingKey));
        byte[] out = w.unwrap(ciphertext, 0, ciphertext.length);
        if (mechanism != WrapMechanism.AES_KEY_WRAP_PAD_PKCS5) {
            return out;
        }
        return Pkcs5Padding.unpad(out).orElseThrow(() -> new InvalidCipherTextException("bad PKCS#5 padding"));
    }

    private static Wrapper wrapper(WrapMechanism mechanism) {
        return mechanism == WrapMechanism.NIST_AES_WRAP_PAD
                ? new RFC5649WrapEngine(AESEngine.newInstance())
                : new RFC3394WrapEngine(AESEngine.newInstance());
    }
}
