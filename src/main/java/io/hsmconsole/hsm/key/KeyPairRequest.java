package io.hsmconsole.hsm.key;

import java.math.BigInteger;

/**
 * Every option of {@code genRSAKeyPair}, {@code genDSAKeyPair} or {@code genECCKeyPair}: the numbers
 * stay as users typed them (the simulator decides whether they are valid). For RSA {@code modulusBits}
 * and {@code publicExponent}; for DSA {@code modulusBits}; for EC {@code curveId}. The options apply as the pages say: label and ID
 * to both keys, {@code -nex}, sharing and m_value to the private key.
 */
public record KeyPairRequest(AsymmetricKeyType type, int modulusBits, BigInteger publicExponent, int curveId,
                             KeyOptions options) {

    public static KeyPairRequest rsa(int modulusBits, BigInteger publicExponent, KeyOptions options) {
        return new KeyPairRequest(AsymmetricKeyType.RSA, modulusBits, publicExponent, 0, options);
    }

    /** genDSAKeyPair: {@code -m} is the length of the prime p (the page calls it the modulus). */
    public static KeyPairRequest dsa(int modulusBits, KeyOptions options) {
        return new KeyPairRequest(AsymmetricKeyType.DSA, modulusBits, null, 0, options);
    }

    public static KeyPairRequest ec(int curveId, KeyOptions options) {
        return new KeyPairRequest(AsymmetricKeyType.EC, 0, null, curveId, options);
    }
}
