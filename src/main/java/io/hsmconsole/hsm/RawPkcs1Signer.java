package io.hsmconsole.hsm;

import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;

/**
 * PKCS#11's CKM_RSA_PKCS as a signature: the caller's bytes (normally a DigestInfo it built) padded
 * with PKCS#1 v1.5 block type 1 and raised to the private exponent, nothing hashed here. Verifying
 * recovers the padded bytes and compares them with the caller's.
 */
final class RawPkcs1Signer implements Signer {
    private final PKCS1Encoding rsa = new PKCS1Encoding(new RSABlindedEngine());
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    @Override
    public void init(boolean forSigning, CipherParameters param) {
        rsa.init(forSigning, param);
        data.reset();
    }

    @Override
    public void update(byte b) {
        data.write(b);
    }

    @Override
    public void update(byte[] in, int off, int len) {
        data.write(in, off, len);
    }

    @Override
    public byte[] generateSignature() throws CryptoException {
        byte[] in = data.toByteArray();
        if (in.length > rsa.getInputBlockSize()) {
            throw new CryptoException("input longer than the modulus allows");
        }
        return rsa.processBlock(in, 0, in.length);
    }

    @Override
    public boolean verifySignature(byte[] signature) {
        try {
            byte[] recovered = rsa.processBlock(signature, 0, signature.length);
            return MessageDigest.isEqual(recovered, data.toByteArray());
        } catch (InvalidCipherTextException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void reset() {
        data.reset();
    }
}
