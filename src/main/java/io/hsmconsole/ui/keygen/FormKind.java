package io.hsmconsole.ui.keygen;

import io.hsmconsole.hsm.key.AsymmetricKeyType;

/**
 * What the key form makes: a symmetric key (genSymKey), an RSA pair (genRSAKeyPair), a DSA pair
 * (genDSAKeyPair) or an EC pair (genECCKeyPair).
 */
public enum FormKind {
    SYMMETRIC(null), RSA(AsymmetricKeyType.RSA), DSA(AsymmetricKeyType.DSA), EC(AsymmetricKeyType.EC);

    private final AsymmetricKeyType pairType;

    FormKind(AsymmetricKeyType pairType) {
        this.pairType = pairType;
    }

    public boolean isPair() {
        return pairType != null;
    }

    /** RSA, DSA or EC; null for a symmetric key. */
    public AsymmetricKeyType pairType() {
        return pairType;
    }

    /** Whether its pair takes a modulus length ({@code -m}): RSA's modulus, DSA's prime p. */
    public boolean takesModulus() {
        return this == RSA || this == DSA;
    }

    /** {@code keygen.kind.rsa}: the bundle key of its name. */
    public String messageKey() {
        return "keygen.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
