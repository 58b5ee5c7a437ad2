package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.ReturnCode;

/**
 * The simulator's answers as PKCS#11 return values. The simulator decides; this only translates,
 * so an application hears the same refusal a shell user reads.
 */
final class ReturnValues {
    private ReturnValues() {
    }

    static long of(ReturnCode code) {
        return switch (code) {
            case SUCCESS -> Ck.CKR_OK;
            case NOT_LOGGED_IN -> Ck.CKR_USER_NOT_LOGGED_IN;
            case NOT_AUTHORIZED, INVALID_USER_TYPE -> Ck.CKR_USER_TYPE_INVALID;
            case LOGIN_FAILURE, USER_NOT_FOUND -> Ck.CKR_PIN_INCORRECT;
            case ACCOUNT_LOCKED -> Ck.CKR_PIN_LOCKED;
            case INVALID_HANDLE -> Ck.CKR_OBJECT_HANDLE_INVALID;
            case KEY_ACCESS_DENIED, KEY_NOT_DESTROYABLE -> Ck.CKR_ACTION_PROHIBITED;
            case POLICY_VIOLATION -> Ck.CKR_MECHANISM_INVALID;
            case SERVER_UNAVAILABLE, NO_ACTIVE_NODE -> Ck.CKR_DEVICE_ERROR;
            case INVALID_KEY_TYPE -> Ck.CKR_TEMPLATE_INCONSISTENT;
            case INVALID_KEY_SIZE, MODULUS_LENGTH_INVALID -> Ck.CKR_KEY_SIZE_RANGE;
            case PUBLIC_EXPONENT_INVALID -> Ck.CKR_TEMPLATE_INCONSISTENT;
            case CURVE_INVALID -> Ck.CKR_DOMAIN_PARAMS_INVALID;
            case INVALID_LABEL, INVALID_KEY_ID, DUPLICATE_KEY_ID, ATTRIBUTE_VALUE_INVALID -> Ck.CKR_ATTRIBUTE_VALUE_INVALID;
            case CLUSTER_FULL -> Ck.CKR_DEVICE_MEMORY;
            case KEY_NOT_EXTRACTABLE -> Ck.CKR_KEY_UNEXTRACTABLE;
            case QUORUM_REQUIRED -> Ck.CKR_FUNCTION_REJECTED;
            case ATTRIBUTE_NOT_MODIFIABLE -> Ck.CKR_ATTRIBUTE_READ_ONLY;
            case ATTRIBUTE_NOT_PRESENT -> Ck.CKR_ATTRIBUTE_TYPE_INVALID;
            case WRAPPING_KEY_INVALID -> Ck.CKR_WRAPPING_KEY_TYPE_INCONSISTENT;
            case WRAPPED_DATA_INVALID -> Ck.CKR_WRAPPED_KEY_INVALID;
            case KEY_FUNCTION_NOT_PERMITTED -> Ck.CKR_KEY_FUNCTION_NOT_PERMITTED;
            case MECHANISM_INVALID -> Ck.CKR_KEY_TYPE_INCONSISTENT;
            case DATA_LEN_INVALID, BLOCK_DATA_LEN_INVALID, SIGN_DATA_LEN_INVALID, RSA_DATA_LEN_INVALID -> Ck.CKR_DATA_LEN_RANGE;
            case DERIVE_PARAM_INVALID -> Ck.CKR_MECHANISM_PARAM_INVALID;
            case KEY_CLASS_INVALID -> Ck.CKR_KEY_NOT_WRAPPABLE; // only C_WrapKey of a key pair's half meets it here
            case ENCRYPTED_DATA_INVALID -> Ck.CKR_ENCRYPTED_DATA_INVALID;
            case MECHANISM_PARAM_INVALID -> Ck.CKR_MECHANISM_PARAM_INVALID;
            case SIGNATURE_INVALID -> Ck.CKR_SIGNATURE_INVALID;
            case M_VALUE_INVALID, MIN_SRV_INVALID, TIMEOUT_NEEDS_MIN_SRV, TIMEOUT_INVALID -> Ck.CKR_ARGUMENTS_BAD;
            // Client SDK 5 answers its availability check with 0x06 (its log: "C_SignInit failed, returning 0x00000006").
            case KEY_NOT_AVAILABLE -> Ck.CKR_FUNCTION_FAILED;
            default -> Ck.CKR_FUNCTION_FAILED;
        };
    }
}
