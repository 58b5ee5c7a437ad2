package io.hsmconsole.controller;

import io.hsmconsole.hsm.ReturnCode;

/** The options of {@code genSymKey}, as fields of the key-generation form. */
public enum GenSymKeyField {
    TYPE, SIZE, LABEL, ID, NON_EXTRACTABLE, SESSION, SHARING, M_VALUE, MIN_SRV, TIMEOUT, ATTEST;

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
}
