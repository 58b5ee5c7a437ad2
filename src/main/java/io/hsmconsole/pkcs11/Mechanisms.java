package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.SignMechanism;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mechanisms this endpoint carries out, with their CK_MECHANISM_INFO. Only what works end to end
 * is listed: an application that sees a mechanism here can use it. Key sizes are in bytes, as PKCS#11
 * gives them for AES and generic secrets, and follow the simulator's key type rules.
 */
final class Mechanisms {
    private static final Map<Long, Info> TABLE = new LinkedHashMap<>();
    private static final Map<Long, SignMechanism> HMACS = new LinkedHashMap<>();
    private static final long ENCRYPT = 0x100;
    private static final long DECRYPT = 0x200;
    private static final long DIGEST = 0x400;

    static {
        TABLE.put(Ck.CKM_AES_KEY_GEN, new Info(KeyType.AES.minSize(), KeyType.AES.maxSize(), Ck.CKF_HW | Ck.CKF_GENERATE));
        TABLE.put(Ck.CKM_GENERIC_SECRET_KEY_GEN, new Info(KeyType.GENERIC_SECRET.minSize(), KeyType.GENERIC_SECRET.maxSize(),
                Ck.CKF_HW | Ck.CKF_GENERATE));
        HMACS.put(Ck.CKM_SHA_1_HMAC, SignMechanism.SHA1_HMAC);
        HMACS.put(Ck.CKM_SHA224_HMAC, SignMechanism.SHA224_HMAC);
        HMACS.put(Ck.CKM_SHA256_HMAC, SignMechanism.SHA256_HMAC);
        HMACS.put(Ck.CKM_SHA384_HMAC, SignMechanism.SHA384_HMAC);
        HMACS.put(Ck.CKM_SHA512_HMAC, SignMechanism.SHA512_HMAC);
        TABLE.put(CryptCalls.CKM_AES_ECB, new Info(KeyType.AES.minSize(), KeyType.AES.maxSize(),
                Ck.CKF_HW | ENCRYPT | DECRYPT));
        for (long m : CryptCalls.DIGESTS.keySet().stream().sorted().toList()) {
            TABLE.put(m, new Info(0, 0, Ck.CKF_HW | DIGEST));
        }
        for (long m : HMACS.keySet()) {
            TABLE.put(m, new Info(KeyType.GENERIC_SECRET.minSize(), KeyType.GENERIC_SECRET.maxSize(),
                    Ck.CKF_HW | Ck.CKF_SIGN | Ck.CKF_VERIFY));
        }
    }

    private Mechanisms() {
    }

    /**
     * The mechanisms of this cluster. 3DES key generation is listed only where the simulator's
     * policy allows 3DES (not on FIPS clusters).
     */
    static List<Long> list(boolean fips) {
        List<Long> all = new java.util.ArrayList<>(TABLE.keySet());
        if (!fips) {
            all.add(1, Ck.CKM_DES3_KEY_GEN);
        }
        return all;
    }

    static Optional<Info> info(long mechanism, boolean fips) {
        if (mechanism == Ck.CKM_DES3_KEY_GEN && !fips) {
            return Optional.of(new Info(24, 24, Ck.CKF_HW | Ck.CKF_GENERATE));
        }
        return Optional.ofNullable(TABLE.get(mechanism));
    }

    static Optional<SignMechanism> hmac(long mechanism) {
        return Optional.ofNullable(HMACS.get(mechanism));
    }

    record Info(long minKeySize, long maxKeySize, long flags) {
    }
}
