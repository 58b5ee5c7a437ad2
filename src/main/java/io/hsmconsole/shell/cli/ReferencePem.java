package io.hsmconsole.shell.cli;

import io.hsmconsole.shell.PemObjects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.io.IOException;
import java.math.BigInteger;

/**
 * The "fake PEM" of {@code key generate-file --encoding reference-pem} (cloudhsm_cli-key-generate-file.md):
 * a private key file in the usual shape (PKCS #1 {@code RSA PRIVATE KEY}, SEC 1 {@code EC PRIVATE KEY})
 * with the real public half — so {@code openssl pkey -pubout} gives the right public key — and the key
 * reference (the handle) where the private value would be. It holds no private key material.
 */
final class ReferencePem {
    private ReferencePem() {
    }

    static byte[] of(byte[] publicKeyInfo, long handle) throws IOException {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(publicKeyInfo);
        BigInteger reference = BigInteger.valueOf(handle);
        if (spki.getAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
            RSAPublicKey rsa = RSAPublicKey.getInstance(spki.parsePublicKey());
            BigInteger one = BigInteger.ONE;
            // n and e are the key's; d carries the reference; the CRT fields are placeholders (1), not key material.
            return pem("RSA PRIVATE KEY", new org.bouncycastle.asn1.pkcs.RSAPrivateKey(rsa.getModulus(),
                    rsa.getPublicExponent(), reference, one, one, one, one, one));
        }
        ASN1Encodable curve = spki.getAlgorithm().getParameters();
        int orderBits = 8 * Math.max(1, (spki.getPublicKeyData().getBytes().length - 1) / 2);
        return pem("EC PRIVATE KEY", new ECPrivateKey(orderBits, reference,
                new DERBitString(spki.getPublicKeyData().getBytes()), curve));
    }

    private static byte[] pem(String type, ASN1Encodable body) throws IOException {
        return PemObjects.pem(type, body.toASN1Primitive().getEncoded());
    }
}
