package io.hsmconsole.hsm;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Map;

/**
 * PKCS#1 v1.5 signatures (block type 1) on a given RSA engine. With a digest it is CKM_SHA256_RSA_PKCS
 * and its siblings: the data hashed and wrapped in a DER DigestInfo (the hash's OID with NULL
 * parameters), byte for byte what BouncyCastle's RSADigestSigner and OpenSSL sign. Without one it is
 * PKCS#11's CKM_RSA_PKCS: the caller's bytes (normally a DigestInfo it built) padded as they are;
 * verifying recovers the padded bytes and compares them with the caller's.
 */
final class Pkcs1Signer implements Signer {
    private static final Map<String, ASN1ObjectIdentifier> DIGEST_OIDS = Map.of(
            "SHA-1", OIWObjectIdentifiers.idSHA1, "SHA-224", NISTObjectIdentifiers.id_sha224,
            "SHA-256", NISTObjectIdentifiers.id_sha256, "SHA-384", NISTObjectIdentifiers.id_sha384,
            "SHA-512", NISTObjectIdentifiers.id_sha512);

    private final PKCS1Encoding rsa;
    private final Digest digest;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    /** CKM_RSA_PKCS: the caller's bytes as they are. */
    Pkcs1Signer(AsymmetricBlockCipher engine) {
        this(engine, null);
    }

    /** The data hashed with {@code digest} (SHA-1 or SHA-2) and signed as a DigestInfo; null: as they are. */
    Pkcs1Signer(AsymmetricBlockCipher engine, Digest digest) {
        if (digest != null && !DIGEST_OIDS.containsKey(digest.getAlgorithmName())) {
            throw new IllegalArgumentException("no DigestInfo for " + digest.getAlgorithmName());
        }
        this.rsa = new PKCS1Encoding(engine);
        this.digest = digest;
    }

    @Override
    public void init(boolean forSigning, CipherParameters param) {
        rsa.init(forSigning, param);
        reset();
    }

    @Override
    public void update(byte b) {
        if (digest != null) {
            digest.update(b);
        } else {
            data.write(b);
        }
    }

    @Override
    public void update(byte[] in, int off, int len) {
        if (digest != null) {
            digest.update(in, off, len);
        } else {
            data.write(in, off, len);
        }
    }

    @Override
    public byte[] generateSignature() throws CryptoException {
        byte[] in = signedBytes();
        if (in.length > rsa.getInputBlockSize()) {
            throw new CryptoException("input longer than the modulus allows");
        }
        return rsa.processBlock(in, 0, in.length);
    }

    @Override
    public boolean verifySignature(byte[] signature) {
        try {
            byte[] recovered = rsa.processBlock(signature, 0, signature.length);
            return MessageDigest.isEqual(recovered, signedBytes());
        } catch (InvalidCipherTextException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void reset() {
        data.reset();
        if (digest != null) {
            digest.reset();
        }
    }

    /** What the padding wraps: the DigestInfo of the hashed data, or the caller's bytes. */
    private byte[] signedBytes() {
        if (digest == null) {
            return data.toByteArray();
        }
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        try {
            return new DigestInfo(new AlgorithmIdentifier(DIGEST_OIDS.get(digest.getAlgorithmName()), DERNull.INSTANCE), hash)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("a DigestInfo always encodes", e);
        }
    }
}
