package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.key.KeyType;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Wrapper;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;

import java.util.Optional;

/**
 * The host half of {@code exSymKey -wk <file>}: KMU unwraps what the HSM wrapped (NIST AES key wrap
 * with padding, RFC 5649) with the AES key the user keeps in a file, on the host, not in the HSM
 * ({@code Cfm3UnWrapHostKey} is not called).
 */
final class HostUnwrap {
    private HostUnwrap() {
    }

    /** An AES key file holds a key of an AES size (16, 24 or 32 bytes). */
    static boolean isAesKey(byte[] key) {
        return KeyType.AES.isValidSize(key.length);
    }

    /** The plaintext key, or empty when the file's key is not the one the HSM wrapped with. */
    static Optional<byte[]> unwrap(byte[] aesKey, byte[] wrapped) {
        Wrapper engine = new RFC5649WrapEngine(AESEngine.newInstance());
        engine.init(false, new KeyParameter(aesKey));
        try {
            return Optional.of(engine.unwrap(wrapped, 0, wrapped.length));
        } catch (InvalidCipherTextException e) {
            return Optional.empty();
        }
    }
}
