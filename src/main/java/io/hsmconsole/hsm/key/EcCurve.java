package io.hsmconsole.hsm.key;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The elliptic curves {@code genECCKeyPair -i} takes, by KMU curve id. key_mgmt_util-genECCKeyPair.md
 * lists 2 (prime256v1), 14 (secp384r1) and 16 (secp256k1), and shows 1 (prime192v1) refused by FIPS
 * policy. P-521's number is not on the page: 15, the number between them, is ours (listECCCurveIds
 * prints it with the others so nobody has to guess). P-224 (secp224r1) is Client SDK 5's: the CloudHSM
 * CLI's {@code key generate-asymmetric-pair ec} lists it (cloudhsm_cli-key-generate-asymmetric-pair-ec.md)
 * and PKCS#11 generates keys on it (pkcs11-key-types.md: "P-224, P-256, P-384, and P-521"); its KMU
 * number, 13, is ours as 15 is.
 */
public enum EcCurve {
    PRIME192V1(1, "NID_X9_62_prime192v1", "prime192v1", true),
    PRIME256V1(2, "NID_X9_62_prime256v1", "prime256v1", false),
    SECP224R1(13, "NID_secp224r1", "secp224r1", false),
    SECP384R1(14, "NID_secp384r1", "secp384r1", false),
    SECP521R1(15, "NID_secp521r1", "secp521r1", false),
    SECP256K1(16, "NID_secp256k1", "secp256k1", false);

    private final int id;
    private final String nid;
    private final String curveName;
    private final boolean refusedInFips;

    EcCurve(int id, String nid, String curveName, boolean refusedInFips) {
        this.id = id;
        this.nid = nid;
        this.curveName = curveName;
        this.refusedInFips = refusedInFips;
    }

    public int id() {
        return id;
    }

    /** OpenSSL's NID name, as KMU prints it. */
    public String nid() {
        return nid;
    }

    /** The SEC/X9.62 name BouncyCastle and OpenSSL know the curve by. */
    public String curveName() {
        return curveName;
    }

    /** prime192v1 is below FIPS 186-4's 224-bit minimum: a FIPS HSM refuses it (POLICY_VIOLATION). */
    public boolean refusedInFips() {
        return refusedInFips;
    }

    public static Optional<EcCurve> fromId(int id) {
        return Arrays.stream(values()).filter(c -> c.id == id).findFirst();
    }

    /** The curve with this SEC/X9.62 name (an imported key's), if the HSM knows it. */
    public static Optional<EcCurve> fromCurveName(String name) {
        return Arrays.stream(values()).filter(c -> c.curveName.equals(name)
                || ("secp256r1".equals(name) && c == PRIME256V1) || ("secp192r1".equals(name) && c == PRIME192V1))
                .findFirst();
    }

    /** The ids in the order listECCCurveIds prints them. */
    public static List<EcCurve> listed() {
        return List.of(values());
    }
}
