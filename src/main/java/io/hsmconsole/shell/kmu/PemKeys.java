package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.PemObjects;
import io.hsmconsole.text.KeyPairText;

import java.util.Optional;

/**
 * The host side of the key-pair file commands: PEM in and out, as OpenSSL writes and reads it. A
 * public key is read from {@code PUBLIC KEY} (SubjectPublicKeyInfo) or {@code RSA PUBLIC KEY}; a
 * private key from {@code PRIVATE KEY} (PKCS#8), {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}.
 * What the key is (RSA, which curve) the HSM judges; here only the PEM's shape.
 */
final class PemKeys {
    private PemKeys() {
    }

    /**
     * The key file {@code -f} names, read and parsed: the DER of a public key (SubjectPublicKeyInfo)
     * or of a private key (PKCS#8). Empty after printing why when the file cannot be read or holds
     * something else; the file's bytes are wiped either way.
     */
    static Optional<byte[]> read(KmuContext context, String name, boolean isPrivate) {
        Optional<byte[]> file = KeyFiles.read(context, name, "key file");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> der = isPrivate ? privateKey(file.get()) : publicKey(file.get());
        java.util.Arrays.fill(file.get(), (byte) 0);
        if (der.isEmpty()) {
            context.printer().line(isPrivate ? KeyPairText.NOT_A_PRIVATE_KEY : KeyPairText.NOT_A_PUBLIC_KEY);
        }
        return der;
    }

    /** The checks both import commands make first: a label and a key file. Null when both are given. */
    static ExitStatus requireLabelAndFile(SessionCommand command, ParsedOptions o, KmuContext context) {
        if (o.text("-l") == null) {
            return command.usage(context, "Error: Key label (-l) is missing.");
        }
        return o.text("-f") == null ? command.usage(context, "Error: Key File (-f) is missing.") : null;
    }

    static Optional<byte[]> publicKey(byte[] file) {
        return PemObjects.publicKey(file);
    }

    static Optional<byte[]> privateKey(byte[] file) {
        return PemObjects.privateKey(file);
    }

    static byte[] publicPem(byte[] der) {
        return PemObjects.publicPem(der);
    }

    static byte[] privatePem(byte[] der) {
        return PemObjects.privatePem(der);
    }
}
