package io.hsmconsole.controller;

import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.AsymmetricKeyType;

/**
 * The options of {@code genSymKey}, and the algorithm options of {@code genRSAKeyPair} ({@code -m},
 * {@code -e}) and {@code genECCKeyPair} ({@code -i}), as fields of the key-generation form.
 */
public enum GenSymKeyField {
    TYPE, SIZE, LABEL, ID, NON_EXTRACTABLE, SESSION, SHARING, M_VALUE, MIN_SRV, TIMEOUT, ATTEST, MODULUS, EXPONENT, CURVE;

    /** The field a genSymKey refusal is about (the form shows it there); null for cluster-wide ones. */
    public static GenSymKeyField of(ReturnCode code) {
        return switch (code) {
            case INVALID_KEY_TYPE, POLICY_VIOLATION -> TYPE;
            case INVALID_KEY_SIZE -> SIZE;
            case INVALID_LABEL -> LABEL;
            case INVALID_KEY_ID, DUPLICATE_KEY_ID -> ID;
            case TIMEOUT_NEEDS_MIN_SRV, TIMEOUT_INVALID -> TIMEOUT;
            case MIN_SRV_INVALID -> MIN_SRV;
            case SESSION_KEY_NOT_SHAREABLE -> SESSION;
            case SHARE_WITH_OWNER, SHARE_USER_INVALID -> SHARING;
            case M_VALUE_INVALID -> M_VALUE;
            case ATTESTATION_FAILED -> ATTEST;
            default -> null;
        };
    }

    /**
     * The field a key-pair refusal is about: the algorithm's own codes at its options (a FIPS refusal
     * at the modulus or the curve it is about), the rest as for genSymKey.
     */
    public static GenSymKeyField ofPair(ReturnCode code, AsymmetricKeyType type) {
        return switch (code) {
            case MODULUS_LENGTH_INVALID -> MODULUS;
            case PUBLIC_EXPONENT_INVALID -> EXPONENT;
            case CURVE_INVALID -> CURVE;
            case POLICY_VIOLATION -> type == AsymmetricKeyType.RSA ? MODULUS : CURVE;
            default -> of(code);
        };
    }
}
