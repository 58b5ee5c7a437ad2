package io.hsmconsole.shell;

import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The "fake PEM" of getCaviumPrivKey (key_mgmt_util-getCaviumPrivKey.md): a file that "does not
 * contain the actual private key material but instead references the private key in the HSM", for a
 * web server's SSL/TLS offload. AWS does not document its layout; ours is an {@code RSA PRIVATE KEY}
 * (PKCS #1) that OpenSSL parses, with the key's real modulus and public exponent (so the certificate
 * matches), the key's handle as the private exponent, and a marker in place of each prime and CRT
 * value, which no real key has (a prime is never that small). IsValidKeyHandlefile reads it back.
 */
public final class FakePem {
    /** "HSM" in ASCII: the value of p, q, dP, dQ and qInv in a fake PEM. */
    static final BigInteger MARKER = new BigInteger(1, "HSM".getBytes(StandardCharsets.US_ASCII));
    private static final String TYPE = "RSA PRIVATE KEY";

    private FakePem() {
    }

    /** The fake PEM of the RSA private key {@code handle} whose public half is {@code rsaPublicKeyInfo}. */
    public static byte[] write(byte[] rsaPublicKeyInfo, long handle) {
        try {
            org.bouncycastle.asn1.pkcs.RSAPublicKey pub = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(
                    SubjectPublicKeyInfo.getInstance(rsaPublicKeyInfo).parsePublicKey());
            RSAPrivateKey fake = new RSAPrivateKey(pub.getModulus(), pub.getPublicExponent(), BigInteger.valueOf(handle),
                    MARKER, MARKER, MARKER, MARKER, MARKER);
            return PemObjects.pem(TYPE, fake.getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("not an RSA SubjectPublicKeyInfo", e);
        }
    }

    /** The handle a fake PEM references, or empty when the file is anything else (a real key, garbage). */
    public static Optional<Long> handleOf(byte[] file) {
        try (PemReader reader = new PemReader(new StringReader(new String(file, StandardCharsets.US_ASCII)))) {
            PemObject pem = reader.readPemObject();
            if (pem == null || !TYPE.equals(pem.getType())) {
                return Optional.empty();
            }
            RSAPrivateKey key = RSAPrivateKey.getInstance(pem.getContent());
            boolean fake = key.getPrime1().equals(MARKER) && key.getPrime2().equals(MARKER)
                    && key.getCoefficient().equals(MARKER) && key.getPrivateExponent().bitLength() < Long.SIZE;
            return fake ? Optional.of(key.getPrivateExponent().longValueExact()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
