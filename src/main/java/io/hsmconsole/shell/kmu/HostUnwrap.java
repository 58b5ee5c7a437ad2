package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.crypto.AesKeyWrap;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.WrapMechanism;
import io.hsmconsole.hsm.key.WrappedKey;
import io.hsmconsole.text.KmuPrinter;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Wrapper;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The host halves of {@code -wk <file>}: for exSymKey and exportPrivateKey KMU unwraps what the HSM
 * wrapped (NIST AES key wrap with padding, RFC 5649) with the AES key the user keeps in a file, on the
 * host, not in the HSM ({@code Cfm3UnWrapHostKey} is not called); for imSymKey and importPrivateKey
 * it wraps the key with that file's key for the HSM to unwrap.
 */
final class HostUnwrap {
    private HostUnwrap() {
    }

    /**
     * Reads the {@code -wk} file, has the HSM wrap the key ({@code wrap}, under {@code -w}), prints the
     * wrap's result line, and unwraps on the host: the plaintext (the caller wipes it), or empty after
     * the error lines. The file's key is wiped.
     */
    static Optional<byte[]> export(ParsedOptions o, KmuContext context, String call,
                                   Supplier<HsmResult<WrappedKey>> wrap) {
        KmuPrinter p = context.printer();
        Optional<byte[]> hostKey = KeyFiles.read(context, o.text("-wk"), "unwrapping key file");
        if (hostKey.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!isAesKey(hostKey.get())) {
                p.line("Invalid file. Should be an AES key");
                return Optional.empty();
            }
            HsmResult<WrappedKey> result = wrap.get();
            p.result(call, result.code());
            if (!result.isSuccess()) {
                p.clusterBlock(result.nodes());
                return Optional.empty();
            }
            Optional<byte[]> plaintext = unwrap(hostKey.get(), result.value().ciphertext());
            if (plaintext.isEmpty()) {
                p.error("Error: the key in " + o.text("-wk") + " does not unwrap the exported key: it is not the"
                        + " material of wrapping key " + o.handle("-w") + ".");
            }
            return plaintext;
        } finally {
            Arrays.fill(hostKey.get(), (byte) 0);
        }
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

    /**
     * {@code -wk}: the tool wraps the plaintext key itself with the AES key of the file, as
     * key_mgmt_util-imSymKey.md and -importPrivateKey.md describe ("-w ... is used to unwrap, but not to wrap"). The key
     * material is wiped once wrapped.
     */
    static Optional<byte[]> wrap(ParsedOptions o, byte[] material, KmuContext context) {
        try {
            Optional<byte[]> kek = KeyFiles.read(context, o.text("-wk"), "wrapping key file");
            if (kek.isEmpty()) {
                return Optional.empty();
            }
            try {
                if (!KeyType.AES.isValidSize(kek.get().length)) {
                    context.printer().error("Error: the wrapping key file " + o.text("-wk") + " holds "
                            + kek.get().length + " bytes; it must hold a plaintext AES key of 16, 24 or 32 bytes.");
                    return Optional.empty();
                }
                return Optional.of(AesKeyWrap.wrap(kek.get(), WrapMechanism.AES_KEY_WRAP_PAD_PKCS5, material));
            } finally {
                Arrays.fill(kek.get(), (byte) 0);
            }
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }
}
