package io.hsmconsole.shell;

import io.hsmconsole.text.PublicKeyText;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * PEM key files as OpenSSL writes and reads them, for every shell (key_mgmt_util's import/export
 * commands, cloudhsm-cli's {@code key import pem}): only the PEM's shape; what the key is the HSM judges.
 */
public final class PemObjects {
    private PemObjects() {
    }

    /** The DER SubjectPublicKeyInfo of the file's first PEM object, if it is a public key. */
    public static Optional<byte[]> publicKey(byte[] file) {
        return first(file).flatMap(o -> o instanceof SubjectPublicKeyInfo spki ? encoded(spki) : Optional.empty());
    }

    /** The DER PKCS#8 of the file's first PEM object, if it is an unencrypted private key. */
    public static Optional<byte[]> privateKey(byte[] file) {
        return first(file).flatMap(o -> o instanceof PrivateKeyInfo info ? encoded(info)
                : o instanceof PEMKeyPair pair ? encoded(pair.getPrivateKeyInfo()) : Optional.empty());
    }

    public static byte[] publicPem(byte[] der) {
        return pem("PUBLIC KEY", der);
    }

    public static byte[] privatePem(byte[] der) {
        return pem("PRIVATE KEY", der);
    }

    /** A PEM block of {@code type} around {@code der}, 64 Base64 characters a line, as OpenSSL writes it. */
    public static byte[] pem(String type, byte[] der) {
        return PublicKeyText.pem(type, der).getBytes(StandardCharsets.US_ASCII);
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
