package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.hsm.user.Credentials;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every result the simulated HSM can give, with its numeric code and the text KMU prints after
 * {@code returned: 0x..}. Codes marked simulator-defined are ours: AWS documents the situation
 * but not the code, so we picked one and keep it stable (docs/return-codes.md lists them). The
 * limits a text names come from the rule classes that enforce them, so a text never states an old one.
 */
public enum ReturnCode {
    SUCCESS(0x00, "HSM Return: SUCCESS", false),
    INVALID_HANDLE(0xa8, "HSM Error: Invalid object handle is passed to this operation", false),
    KEY_ACCESS_DENIED(0xc6, "HSM Error: Key Access is denied", false),
    INVALID_USER_TYPE(0xdb, "HSM Error: Invalid User Type.", false),
    POLICY_VIOLATION(0xb3, "HSM Error: This operation violates the current configured/FIPS policies", false),
    LOGIN_FAILURE(0xa3, "HSM Error: RET_USER_LOGIN_FAILURE", false),
    USER_NOT_FOUND(0x9d, "HSM Error: user isn't initialized or user with this name doesn't exist", false),
    SERVER_UNAVAILABLE(0x30000085L, "HSM CLUSTER ERROR: Server in cluster is unavailable", false),

    NOT_LOGGED_IN(0x40000001L, "HSM Error: No user is logged in to do this operation", true),
    NOT_AUTHORIZED(0x40000002L, "HSM Error: The current logged in user is not authorized to do this operation", true),
    ACCOUNT_LOCKED(0x40000003L, "HSM Error: This user account is locked after too many failed logins; a crypto officer must change its password", true),
    INVALID_KEY_TYPE(0x40000004L, "HSM Error: Invalid key type; use 16 (GENERIC_SECRET), 18 (RC4), 21 (3DES) or 31 (AES)", true),
    INVALID_KEY_SIZE(0x40000005L, "HSM Error: Invalid key size for this key type", true),
    INVALID_LABEL(0x40000006L, "HSM Error: Invalid key label; it must be 1 to " + KeyNaming.MAX_LABEL + " characters without spaces", true),
    INVALID_KEY_ID(0x40000007L, "HSM Error: Invalid key ID; it must be at most " + KeyNaming.MAX_ID + " characters (bytes, as CKA_ID)", true),
    DUPLICATE_KEY_ID(0x40000008L, "HSM Error: A key with this ID already exists in the cluster", true),
    SHARE_WITH_OWNER(0x40000009L, "HSM Error: A key cannot be shared with its owner", true),
    SHARE_USER_INVALID(0x4000000aL, "HSM Error: Keys can only be shared with existing crypto users (CU)", true),
    SESSION_KEY_NOT_SHAREABLE(0x4000000bL, "HSM Error: Session keys cannot be shared", true),
    M_VALUE_INVALID(0x4000000cL, "HSM Error: m_value must be 0 to " + MValue.MAX + " and at most 1 + the number of users the key is shared with", true),
    MIN_SRV_INVALID(0x4000000dL, "HSM Error: min_srv must be between 1 and the number of HSMs in the cluster", true),
    TIMEOUT_NEEDS_MIN_SRV(0x4000000eL, "HSM Error: A timeout is only valid together with min_srv", true),
    MIN_SRV_NOT_REACHED(0x4000000fL, "HSM Error: The key did not reach min_srv HSMs before the timeout and was rolled back", true),
    CLUSTER_FULL(0x40000010L, "HSM Error: The cluster has reached its key capacity", true),
    NO_ACTIVE_NODE(0x40000011L, "HSM Error: No HSM in the cluster is available", true),
    KEY_NOT_EXTRACTABLE(0x40000012L, "HSM Error: The key is not extractable", true),
    QUORUM_REQUIRED(0x40000013L, "HSM Error: Quorum approval is required for this operation", true),
    ATTRIBUTE_NOT_MODIFIABLE(0x40000014L, "HSM Error: This attribute is not modifiable", true),
    ATTRIBUTE_VALUE_INVALID(0x40000015L, "HSM Error: Invalid value for this attribute", true),
    ATTRIBUTE_NOT_PRESENT(0x40000016L, "HSM Error: This attribute does not exist for this key", true),
    KEY_NOT_DESTROYABLE(0x40000017L, "HSM Error: The key is not destroyable (OBJ_ATTR_DESTROYABLE is 0)", true),
    WRAPPING_KEY_INVALID(0x40000018L, "HSM Error: The wrapping key cannot wrap or unwrap: the AES mechanisms (4, 5, 6, 10, 11) take an AES key, RSA_OAEP (8) an RSA public key to wrap and its private key to unwrap, with OBJ_ATTR_WRAP / OBJ_ATTR_UNWRAP set", true),
    WRAPPED_DATA_INVALID(0x40000019L, "HSM Error: The wrapped key does not unwrap under this wrapping key", true),
    INVALID_USER_NAME(0x4000001aL, "HSM Error: Invalid user name; use 1 to " + Credentials.MAX_NAME + " characters from A-Z, a-z, 0-9 and _", true),
    INVALID_PASSWORD(0x4000001bL, "HSM Error: Invalid password; it must be " + Credentials.MIN_PASSWORD + " to " + Credentials.MAX_PASSWORD + " characters", true),
    USER_EXISTS(0x4000001cL, "HSM Error: A user with this name already exists", true),
    USER_OWNS_KEYS(0x4000001dL, "HSM Error: The user owns keys; delete or hand them over first", true),
    USER_LOGGED_IN(0x4000001eL, "HSM Error: The user is logged in", true),
    ATTESTATION_FAILED(0x4000001fL, "HSM Error: Attestation check failed; the response of the HSM could not be verified", true),
    SYNC_CANCELLED(0x40000020L, "HSM Error: Waiting for min_srv was cancelled; the key was rolled back", true),
    NODE_INVALID(0x40000021L, "HSM Error: No such HSM node in this cluster, or the change would leave the cluster without nodes", true),
    WRAP_MECHANISM_UNSUPPORTED(0x40000022L, "HSM Error: This wrapping mechanism is not supported; use 4 (AES_KEY_WRAP_PAD_PKCS5), 5 (NIST_AES_WRAP_NO_PAD, for keys of a multiple of 8 bytes), 6 (NIST_AES_WRAP_PAD), 8 (RSA_OAEP, with -t 2 to 6), 10 (AES_GCM) or 11 (CLOUDHSM_AES_GCM)", true),
    TIMEOUT_INVALID(0x40000027L, "HSM Error: The timeout must be 0 or more seconds", true),
    KEY_CLASS_INVALID(0x40000023L, "HSM Error: The key's class does not suit this command: wrapKey takes a secret or private key (class 4 or 3), unWrapKey makes one, imSymKey makes secret keys (class 4), exportPubKey takes a public key (class 2), exportPrivateKey and getCaviumPrivKey a private key (class 3)", true),
    QUORUM_NOT_REQUIRED(0x40000024L, "HSM Error: This key has no quorum (m_value below " + MValue.QUORUM_FROM + "); no token is needed", true),
    QUORUM_TOKEN_INVALID(0x40000025L, "HSM Error: No such quorum token in this session, or it expired (tokens last " + QuorumTokens.VALIDITY_MINUTES + " minutes)", true),
    QUORUM_APPROVAL_INVALID(0x40000026L, "HSM Error: The approval was refused: the approver must be the key's owner or a user it is shared with, approve once, and sign with their registered quorum key", true),
    KEY_FUNCTION_NOT_PERMITTED(0x40000028L, "HSM Error: The key's attributes do not permit this use; the owner must set the matching attribute (OBJ_ATTR_ENCRYPT/DECRYPT/WRAP/UNWRAP/SIGN/VERIFY) to 1", true),
    MECHANISM_INVALID(0x40000029L, "HSM Error: This mechanism does not suit the key; RSA private keys sign with mechanisms 0 to 9, EC private keys with 15 to 19 (their public keys verify), GENERIC_SECRET (16) keys with HMAC mechanisms 20 to 24, AES keys wrap with aesWrapUnwrap", true),
    DATA_LEN_INVALID(0x4000002aL, "HSM Error: Invalid data length; AES wrap takes 8 bytes or more (it pads them to a multiple of 8), unwrap 24 bytes or more in a multiple of 8, and the IV is 8 bytes", true),
    ENCRYPTED_DATA_INVALID(0x4000002bL, "HSM Error: The data does not unwrap under this key (integrity check failed)", true),
    SIGNATURE_INVALID(0x4000002cL, "HSM Error: The signature is invalid", true),
    BLOCK_DATA_LEN_INVALID(0x4000002dL, "HSM Error: Invalid data length; ECB and CBC without padding, and padded decryption, take whole blocks (a non-zero multiple of 16 bytes for AES, 8 for 3DES)", true),
    TOO_MANY_USERS(0x4000002eL, "HSM Error: Too many user IDs; a cluster has at most " + io.hsmconsole.hsm.user.Credentials.MAX_USERS
            + " users, so a list of user IDs holds at most that many", true),
    // Key pairs (issue 15). Numbered from 0x40000050 so codes other work adds meanwhile do not collide.
    MODULUS_LENGTH_INVALID(0x40000050L, "HSM Error: Invalid modulus length (-m); RSA takes " + io.hsmconsole.hsm.key.PairRules.modulusRange()
            + ", DSA only " + io.hsmconsole.hsm.key.PairRules.DSA_MODULUS_BITS, true),
    SIGN_DATA_LEN_INVALID(0x40000060L, "HSM Error: Invalid data length for a signature the caller hashed; raw RSA PKCS#1 takes at most the modulus length less 11 bytes, raw PSS exactly its hash's length", true),
    PUBLIC_EXPONENT_INVALID(0x40000051L, "HSM Error: Invalid public exponent; it must be " + io.hsmconsole.hsm.key.PairRules.exponentRange(), true),
    CURVE_INVALID(0x40000052L, "HSM Error: Unknown elliptic curve id; use one listECCCurveIds lists ("
            + io.hsmconsole.hsm.key.PairRules.curveIds() + ")", true),
    ASYMMETRIC_QUOTA_REACHED(0x40000053L, "HSM Error: The cluster holds as many asymmetric keys (public and private) as its quota allows", true),
    KEY_MATERIAL_INVALID(0x40000054L, "HSM Error: The key is not an RSA key, a 2048-bit DSA key or an EC key on a curve listECCCurveIds lists, or not the kind (public or private) this command takes", true),
    // Quorum for crypto officers (issue 19: getMValue, setMValue, getToken 3|4). Numbered from 0x40000080.
    OFFICER_QUORUM_NOT_SET(0x40000080L, "HSM Error: This service has no quorum (its m value is below " + MValue.QUORUM_FROM
            + ", see getMValue); no token is needed", true),
    SERVICE_M_VALUE_INVALID(0x40000081L, "HSM Error: Invalid m value; a service's m value is 1 to " + MValue.MAX
            + " and at most the number of crypto officers (PCO and CO) on the HSM", true),
    OFFICER_APPROVAL_INVALID(0x40000082L, "HSM Error: The approval was refused: a token for services 3 and 4 is approved by"
            + " crypto officers (PCO or CO), each once, signing with their registered quorum key", true),
    // The CloudHSM CLI's token-sign quorum (issue 17). Numbered from 0x40000090 so codes other work adds do not collide.
    TOKEN_TIMEOUT_INVALID(0x40000090L, "HSM Error: Invalid token timeout; give --generated or --approved, each "
            + io.hsmconsole.hsm.quorum.TokenTimeouts.MIN_SECONDS + " to " + io.hsmconsole.hsm.quorum.TokenTimeouts.MAX_SECONDS
            + " seconds", true),
    KEY_APPROVAL_INVALID(0x40000091L, "HSM Error: The approval was refused: each signature must be by a user with a"
            + " registered quorum key, each user once, verifying over the token's approval data", true),
    // PKCS#11's RSA encryption and ECDH derivation (issue 16). Numbered from 0x40000070 so codes other work adds do not collide.
    RSA_DATA_LEN_INVALID(0x40000070L, "HSM Error: Invalid data length for RSA; PKCS#1 v1.5 encrypts at most the modulus length less 11 bytes, OAEP the modulus length less twice its hash length less 2, raw RSA (X.509) a number below the modulus; a ciphertext is exactly the modulus long", true),
    DERIVE_PARAM_INVALID(0x40000071L, "HSM Error: Invalid ECDH parameter; the other party's public key must be a point on the private key's curve (04 || X || Y, bare or in a DER OCTET STRING), the KDF CKD_NULL or CKD_SHA1/224/256/384/512_KDF, and the derived key no longer than the shared secret (CKD_NULL)", true),
    // getCaviumPrivKey (issue 15, asymsim). Numbered from 0x40000078 so codes other work adds do not collide.
    RSA_PRIVATE_KEY_REQUIRED(0x40000078L, "HSM Error: This command takes an RSA private key: a fake PEM (getCaviumPrivKey) references RSA private keys only", true),
    /** Client SDK 5's key availability quorum ({@link KeyAvailability}); the words of its log line. */
    KEY_NOT_AVAILABLE(0x4000002fL, "HSM Error: The key does not meet the availability requirements - " + AvailabilityQuorum.REQUIREMENT, true),
    MECHANISM_PARAM_INVALID(0x40000030L, "HSM Error: Invalid mechanism parameter; CBC takes a 16-byte IV for AES and 8 bytes for 3DES, CTR a 16-byte counter block and 1 to 128 counter bits, GCM a 12-byte IV that is all zeros when encrypting (the HSM makes the IV) and a tag of 96 to 128 bits; wrapKey and unWrapKey's AES-GCM a 12-byte IV and a tag of 8 to 16 bytes", true);

    private final long code;
    private final String text;
    private final boolean simulatorDefined;

    ReturnCode(long code, String text, boolean simulatorDefined) {
        this.code = code;
        this.text = text;
        this.simulatorDefined = simulatorDefined;
    }

    public long code() {
        return code;
    }

    /** The KMU text, e.g. {@code HSM Return: SUCCESS} or {@code HSM Error: Key Access is denied}. */
    public String text() {
        return text;
    }

    public boolean simulatorDefined() {
        return simulatorDefined;
    }

    public boolean isSuccess() {
        return this == SUCCESS;
    }

    public static Optional<ReturnCode> fromCode(long code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }
}
