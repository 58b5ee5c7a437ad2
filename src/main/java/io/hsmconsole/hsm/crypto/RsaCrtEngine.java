package io.hsmconsole.hsm.crypto;

import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * A key's {@link RsaPrivateOperation} as BouncyCastle's block cipher interface, so that BouncyCastle's
 * paddings (PKCS1Encoding, PSSSigner) run on it: the private-key direction only (signing); the key is
 * the operation's own, so {@link #init} takes only the random source from its parameters.
 */
public final class RsaCrtEngine implements AsymmetricBlockCipher {
    private final RsaPrivateOperation operation;
    private SecureRandom random;

    public RsaCrtEngine(RsaPrivateOperation operation) {
        this.operation = operation;
    }

    @Override
    public void init(boolean forEncryption, CipherParameters param) {
        CipherParameters key = param instanceof ParametersWithRandom r ? r.getParameters() : param;
        if (!forEncryption || !(key instanceof RSAKeyParameters rsa) || !rsa.isPrivate()
                || !rsa.getModulus().equals(operation.modulus())) {
            throw new IllegalArgumentException("this engine signs with its own private key only");
        }
        random = param instanceof ParametersWithRandom r ? r.getRandom() : new SecureRandom();
    }

    /** As BouncyCastle's RSA engine: one byte less than the modulus, so any input is below it. */
    @Override
    public int getInputBlockSize() {
        return operation.bytes() - 1;
    }

    @Override
    public int getOutputBlockSize() {
        return operation.bytes();
    }

    @Override
    public byte[] processBlock(byte[] in, int inOff, int len) {
        if (len > getInputBlockSize() + 1) {
            throw new DataLengthException("input too large for RSA cipher");
        }
        BigInteger m = new BigInteger(1, in, inOff, len);
        if (m.compareTo(operation.modulus()) >= 0) {
            throw new DataLengthException("input too large for RSA cipher");
        }
        return BigIntegers.asUnsignedByteArray(operation.bytes(), operation.apply(m, random));
    }
}
