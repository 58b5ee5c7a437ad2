package io.hsmconsole.pkcs11;

/** The PKCS#11 (v2.40) numbers this endpoint uses: return values, attributes, mechanisms, flags. */
final class Ck {
    private Ck() {
    }

    /** CK_UNAVAILABLE_INFORMATION: all bits set. */
    static final long UNAVAILABLE = -1L;

    // CK_RV
    static final long CKR_OK = 0x0;
    static final long CKR_SLOT_ID_INVALID = 0x3;
    static final long CKR_GENERAL_ERROR = 0x5;
    static final long CKR_FUNCTION_FAILED = 0x6;
    static final long CKR_ARGUMENTS_BAD = 0x7;
    static final long CKR_ATTRIBUTE_READ_ONLY = 0x10;
    static final long CKR_ATTRIBUTE_SENSITIVE = 0x11;
    static final long CKR_ATTRIBUTE_TYPE_INVALID = 0x12;
    static final long CKR_ATTRIBUTE_VALUE_INVALID = 0x13;
    static final long CKR_ACTION_PROHIBITED = 0x1B;
    static final long CKR_DATA_LEN_RANGE = 0x21;
    static final long CKR_DEVICE_ERROR = 0x30;
    static final long CKR_DEVICE_MEMORY = 0x31;
    static final long CKR_ENCRYPTED_DATA_INVALID = 0x40;
    static final long CKR_FUNCTION_NOT_SUPPORTED = 0x54;
    static final long CKR_KEY_HANDLE_INVALID = 0x60;
    static final long CKR_KEY_SIZE_RANGE = 0x62;
    static final long CKR_KEY_TYPE_INCONSISTENT = 0x63;
    static final long CKR_KEY_FUNCTION_NOT_PERMITTED = 0x68;
    static final long CKR_KEY_UNEXTRACTABLE = 0x6A;
    static final long CKR_MECHANISM_INVALID = 0x70;
    static final long CKR_MECHANISM_PARAM_INVALID = 0x71;
    static final long CKR_OBJECT_HANDLE_INVALID = 0x82;
    static final long CKR_OPERATION_ACTIVE = 0x90;
    static final long CKR_OPERATION_NOT_INITIALIZED = 0x91;
    static final long CKR_PIN_INCORRECT = 0xA0;
    static final long CKR_PIN_LOCKED = 0xA4;
    static final long CKR_SESSION_COUNT = 0xB1;
    static final long CKR_SESSION_HANDLE_INVALID = 0xB3;
    static final long CKR_SESSION_PARALLEL_NOT_SUPPORTED = 0xB4;
    static final long CKR_SIGNATURE_INVALID = 0xC0;
    static final long CKR_TEMPLATE_INCOMPLETE = 0xD0;
    static final long CKR_TEMPLATE_INCONSISTENT = 0xD1;
    static final long CKR_USER_ALREADY_LOGGED_IN = 0x100;
    static final long CKR_USER_NOT_LOGGED_IN = 0x101;
    static final long CKR_USER_TYPE_INVALID = 0x103;
    static final long CKR_WRAPPED_KEY_INVALID = 0x110;
    static final long CKR_WRAPPING_KEY_TYPE_INCONSISTENT = 0x115;
    static final long CKR_BUFFER_TOO_SMALL = 0x150;
    static final long CKR_CRYPTOKI_NOT_INITIALIZED = 0x190;
    static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    static final long CKR_FUNCTION_REJECTED = 0x200;

    // CK_USER_TYPE
    static final long CKU_SO = 0;
    static final long CKU_USER = 1;

    // CK_OBJECT_CLASS, CK_KEY_TYPE
    static final long CKO_SECRET_KEY = 4;
    static final long CKK_GENERIC_SECRET = 0x10;
    static final long CKK_DES3 = 0x15;
    static final long CKK_AES = 0x1F;

    // CK_ATTRIBUTE_TYPE
    static final long CKA_CLASS = 0x0;
    static final long CKA_TOKEN = 0x1;
    static final long CKA_PRIVATE = 0x2;
    static final long CKA_LABEL = 0x3;
    static final long CKA_VALUE = 0x11;
    static final long CKA_PRIME = 0x130;
    static final long CKA_SUBPRIME = 0x131;
    static final long CKA_BASE = 0x132;
    static final long CKA_TRUSTED = 0x86;
    static final long CKA_CHECK_VALUE = 0x90;
    static final long CKA_KEY_TYPE = 0x100;
    static final long CKA_ID = 0x102;
    static final long CKA_SENSITIVE = 0x103;
    static final long CKA_ENCRYPT = 0x104;
    static final long CKA_DECRYPT = 0x105;
    static final long CKA_WRAP = 0x106;
    static final long CKA_UNWRAP = 0x107;
    static final long CKA_SIGN = 0x108;
    static final long CKA_SIGN_RECOVER = 0x109;
    static final long CKA_VERIFY = 0x10A;
    static final long CKA_VERIFY_RECOVER = 0x10B;
    static final long CKA_DERIVE = 0x10C;
    static final long CKA_START_DATE = 0x110;
    static final long CKA_END_DATE = 0x111;
    static final long CKA_VALUE_LEN = 0x161;
    static final long CKA_EXTRACTABLE = 0x162;
    static final long CKA_LOCAL = 0x163;
    static final long CKA_NEVER_EXTRACTABLE = 0x164;
    static final long CKA_ALWAYS_SENSITIVE = 0x165;
    static final long CKA_KEY_GEN_MECHANISM = 0x166;
    static final long CKA_MODIFIABLE = 0x170;
    static final long CKA_COPYABLE = 0x171;
    static final long CKA_DESTROYABLE = 0x172;
    static final long CKA_WRAP_WITH_TRUSTED = 0x210;

    // CK_MECHANISM_TYPE
    static final long CKM_GENERIC_SECRET_KEY_GEN = 0x350;
    static final long CKM_DES3_KEY_GEN = 0x131;
    static final long CKM_AES_KEY_GEN = 0x1080;
    static final long CKM_SHA_1_HMAC = 0x221;
    static final long CKM_SHA224_HMAC = 0x256;
    static final long CKM_SHA256_HMAC = 0x251;
    static final long CKM_SHA384_HMAC = 0x261;
    static final long CKM_SHA512_HMAC = 0x271;
    static final long CKM_DES3_ECB = 0x132;
    static final long CKM_DES3_CBC = 0x133;
    static final long CKM_DES3_CBC_PAD = 0x136;
    static final long CKM_AES_ECB = 0x1081;
    static final long CKM_AES_CBC = 0x1082;
    static final long CKM_AES_CBC_PAD = 0x1085;
    static final long CKM_AES_CTR = 0x1086;
    static final long CKM_AES_GCM = 0x1087;
    static final long CKM_AES_CMAC = 0x108A;

    // flags
    static final long CKF_TOKEN_PRESENT = 0x1;
    static final long CKF_HW_SLOT = 0x4;
    static final long CKF_RNG = 0x1;
    static final long CKF_LOGIN_REQUIRED = 0x4;
    static final long CKF_USER_PIN_INITIALIZED = 0x8;
    static final long CKF_TOKEN_INITIALIZED = 0x400;
    static final long CKF_RW_SESSION = 0x2;
    static final long CKF_SERIAL_SESSION = 0x4;
    static final long CKF_HW = 0x1;
    static final long CKF_ENCRYPT = 0x100;
    static final long CKF_DECRYPT = 0x200;
    static final long CKF_DIGEST = 0x400;
    static final long CKF_SIGN = 0x800;
    static final long CKF_VERIFY = 0x2000;
    static final long CKF_GENERATE = 0x8000;
    static final long CKF_WRAP = 0x20000;
    static final long CKF_UNWRAP = 0x40000;

    // CK_STATE
    static final long CKS_RO_PUBLIC_SESSION = 0;
    static final long CKS_RO_USER_FUNCTIONS = 1;
    static final long CKS_RW_PUBLIC_SESSION = 2;
    static final long CKS_RW_USER_FUNCTIONS = 3;

    // ---- key pairs (PKCS#11 v2.40 numbers) ----
    static final long CKF_GENERATE_KEY_PAIR = 0x10000;
    static final long CKF_DERIVE = 0x80000;
    static final long CKR_KEY_NOT_WRAPPABLE = 0x69;
    static final long CKM_RSA_X_509 = 3;
    static final long CKM_RSA_PKCS_OAEP = 9;
    static final long CKM_ECDH1_DERIVE = 0x1050;
    static final long CKR_ENCRYPTED_DATA_LEN_RANGE = 0x41;
    static final long CKO_PUBLIC_KEY = 2;
    static final long CKO_PRIVATE_KEY = 3;
    static final long CKK_RSA = 0;
    static final long CKK_EC = 3;
    static final long CKA_MODULUS = 0x120;
    static final long CKA_MODULUS_BITS = 0x121;
    static final long CKA_PUBLIC_EXPONENT = 0x122;
    static final long CKA_EC_PARAMS = 0x180;
    static final long CKA_EC_POINT = 0x181;
    static final long CKM_RSA_PKCS_KEY_PAIR_GEN = 0;
    /** pkcs11-mechanisms.md: "functionally identical to CKM_RSA_PKCS_KEY_PAIR_GEN"; AWS's samples use it. */
    static final long CKM_RSA_X9_31_KEY_PAIR_GEN = 0x0A;
    static final long CKM_RSA_PKCS = 1;
    static final long CKM_SHA1_RSA_PKCS = 6;
    static final long CKM_RSA_PKCS_PSS = 0x0D;
    static final long CKM_SHA1_RSA_PKCS_PSS = 0x0E;
    static final long CKM_SHA256_RSA_PKCS = 0x40;
    static final long CKM_SHA384_RSA_PKCS = 0x41;
    static final long CKM_SHA512_RSA_PKCS = 0x42;
    static final long CKM_SHA256_RSA_PKCS_PSS = 0x43;
    static final long CKM_SHA384_RSA_PKCS_PSS = 0x44;
    static final long CKM_SHA512_RSA_PKCS_PSS = 0x45;
    static final long CKM_SHA224_RSA_PKCS = 0x46;
    static final long CKM_SHA224_RSA_PKCS_PSS = 0x47;
    static final long CKM_EC_KEY_PAIR_GEN = 0x1040;
    static final long CKM_DSA_KEY_PAIR_GEN = 0x10;
    static final long CKM_ECDSA = 0x1041;
    static final long CKM_ECDSA_SHA1 = 0x1042;
    static final long CKM_ECDSA_SHA224 = 0x1043;
    static final long CKM_ECDSA_SHA256 = 0x1044;
    static final long CKM_ECDSA_SHA384 = 0x1045;
    static final long CKM_ECDSA_SHA512 = 0x1046;
    static final long CKR_DOMAIN_PARAMS_INVALID = 0x130;
    static final long CKR_SIGNATURE_LEN_RANGE = 0xC1;
}
