package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyPairText;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The host side of the key-pair file commands: PEM in and out, as OpenSSL writes and reads it. A
 * public key is read from {@code PUBLIC KEY} (SubjectPublicKeyInfo) or {@code RSA PUBLIC KEY}; a
 * private key from {@code PRIVATE KEY} (PKCS#8), {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}.
 * What the key is (RSA, which curve) the HSM judges; here only the PEM's shape.
 */
public final class PemKeys {
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

    /** The DER SubjectPublicKeyInfo of the file's first PEM object, if it is a public key. */
    public static Optional<byte[]> publicKey(byte[] file) {
        return first(file).flatMap(o -> o instanceof SubjectPublicKeyInfo spki ? encoded(spki) : Optional.empty());
    }

    /** The DER PKCS#8 of the file's first PEM object, if it is an unencrypted private key. */
    static Optional<byte[]> privateKey(byte[] file) {
        return first(file).flatMap(o -> o instanceof PrivateKeyInfo info ? encoded(info)
                : o instanceof PEMKeyPair pair ? encoded(pair.getPrivateKeyInfo()) : Optional.empty());
    }

    static byte[] publicPem(byte[] der) {
        return pem("PUBLIC KEY", der);
    }

    static byte[] privatePem(byte[] der) {
        return pem("PRIVATE KEY", der);
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static Optional<Object> first(byte[] file) {
        try (PEMParser parser = new PEMParser(new StringReader(new String(file, StandardCharsets.US_ASCII)))) {
            return Optional.ofNullable(parser.readObject());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not PEM, or a PEM whose content does not parse
        }
    }

    private static Optional<byte[]> encoded(org.bouncycastle.asn1.ASN1Object o) {
        try {
            return Optional.of(o.getEncoded());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
