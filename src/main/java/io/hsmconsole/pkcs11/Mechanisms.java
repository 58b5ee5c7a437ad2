package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.CipherMechanism;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.PairRules;
import io.hsmconsole.hsm.key.SignMechanism;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mechanisms this endpoint carries out, with their CK_MECHANISM_INFO. Only what works end to end
 * is listed: an application that sees a mechanism here can use it. Key sizes are in bytes, as PKCS#11
 * gives them for AES and generic secrets, and follow the simulator's key type rules. 3DES is listed
 * only where the simulator's policy allows 3DES keys (not on FIPS clusters).
 */
final class Mechanisms {
    private static final Map<Long, Info> TABLE = new LinkedHashMap<>();
    private static final Map<Long, Info> DES3_TABLE = new LinkedHashMap<>();
    private static final Map<Long, MacMechanism> MACS = new LinkedHashMap<>();
    private static final Map<Long, CipherMechanism> CIPHERS = new LinkedHashMap<>();

    static {
        Info aesCipher = new Info(KeyType.AES.minSize(), KeyType.AES.maxSize(), Ck.CKF_HW | Ck.CKF_ENCRYPT | Ck.CKF_DECRYPT);
        Info des3Cipher = new Info(24, 24, Ck.CKF_HW | Ck.CKF_ENCRYPT | Ck.CKF_DECRYPT);
        TABLE.put(Ck.CKM_AES_KEY_GEN, new Info(KeyType.AES.minSize(), KeyType.AES.maxSize(), Ck.CKF_HW | Ck.CKF_GENERATE));
        DES3_TABLE.put(Ck.CKM_DES3_KEY_GEN, new Info(24, 24, Ck.CKF_HW | Ck.CKF_GENERATE));
        TABLE.put(Ck.CKM_GENERIC_SECRET_KEY_GEN, new Info(KeyType.GENERIC_SECRET.minSize(), KeyType.GENERIC_SECRET.maxSize(),
                Ck.CKF_HW | Ck.CKF_GENERATE));
        cipher(TABLE, Ck.CKM_AES_ECB, CipherMechanism.AES_ECB, aesCipher);
        cipher(TABLE, Ck.CKM_AES_CBC, CipherMechanism.AES_CBC, aesCipher);
        cipher(TABLE, Ck.CKM_AES_CBC_PAD, CipherMechanism.AES_CBC_PAD, aesCipher);
        cipher(TABLE, Ck.CKM_AES_CTR, CipherMechanism.AES_CTR, aesCipher);
        cipher(TABLE, Ck.CKM_AES_GCM, CipherMechanism.AES_GCM, aesCipher);
        cipher(DES3_TABLE, Ck.CKM_DES3_ECB, CipherMechanism.DES3_ECB, des3Cipher);
        cipher(DES3_TABLE, Ck.CKM_DES3_CBC, CipherMechanism.DES3_CBC, des3Cipher);
        cipher(DES3_TABLE, Ck.CKM_DES3_CBC_PAD, CipherMechanism.DES3_CBC_PAD, des3Cipher);
        for (long m : CryptCalls.DIGESTS.keySet().stream().sorted().toList()) {
            TABLE.put(m, new Info(0, 0, Ck.CKF_HW | Ck.CKF_DIGEST));
        }
        MACS.put(Ck.CKM_SHA_1_HMAC, new MacMechanism(SignMechanism.SHA1_HMAC));
        MACS.put(Ck.CKM_SHA224_HMAC, new MacMechanism(SignMechanism.SHA224_HMAC));
        MACS.put(Ck.CKM_SHA256_HMAC, new MacMechanism(SignMechanism.SHA256_HMAC));
        MACS.put(Ck.CKM_SHA384_HMAC, new MacMechanism(SignMechanism.SHA384_HMAC));
        MACS.put(Ck.CKM_SHA512_HMAC, new MacMechanism(SignMechanism.SHA512_HMAC));
        for (long m : MACS.keySet()) {
            TABLE.put(m, new Info(KeyType.GENERIC_SECRET.minSize(), KeyType.GENERIC_SECRET.maxSize(),
                    Ck.CKF_HW | Ck.CKF_SIGN | Ck.CKF_VERIFY));
        }
        for (long m : List.of(WrapCalls.CKM_AES_KEY_WRAP, WrapCalls.CKM_AES_KEY_WRAP_PAD, WrapCalls.CKM_AES_KEY_WRAP_KWP,
                WrapCalls.CKM_CLOUDHSM_AES_KEY_WRAP_NO_PAD, WrapCalls.CKM_CLOUDHSM_AES_KEY_WRAP_PKCS5_PAD)) {
            TABLE.put(m, new Info(KeyType.AES.minSize(), KeyType.AES.maxSize(), Ck.CKF_HW | Ck.CKF_WRAP | Ck.CKF_UNWRAP));
        }
        // Key pairs: sizes in bits, as PKCS#11 gives them for RSA and EC (the simulator's modulus and curve rules).
        Info rsa = new Info(PairRules.MIN_MODULUS_BITS, PairRules.MAX_MODULUS_BITS, Ck.CKF_HW | Ck.CKF_SIGN | Ck.CKF_VERIFY);
        Info ec = new Info(192, 521, Ck.CKF_HW | Ck.CKF_SIGN | Ck.CKF_VERIFY);
        TABLE.put(Ck.CKM_RSA_PKCS_KEY_PAIR_GEN, new Info(rsa.minKeySize(), rsa.maxKeySize(), Ck.CKF_HW | Ck.CKF_GENERATE_KEY_PAIR));
        TABLE.put(Ck.CKM_RSA_X9_31_KEY_PAIR_GEN, TABLE.get(Ck.CKM_RSA_PKCS_KEY_PAIR_GEN));
        TABLE.put(Ck.CKM_EC_KEY_PAIR_GEN, new Info(ec.minKeySize(), ec.maxKeySize(), Ck.CKF_HW | Ck.CKF_GENERATE_KEY_PAIR));
        PairSignMechanism.rsaMechanisms().forEach(m -> TABLE.put(m, rsa));
        PairSignMechanism.ecdsaMechanisms().forEach(m -> TABLE.put(m, ec));
        // RSA encryption and key wrapping (RsaMechanism), ECDH derivation (DeriveCalls)
        long rsaCrypt = Ck.CKF_ENCRYPT | Ck.CKF_DECRYPT;
        long rsaWrap = Ck.CKF_WRAP | Ck.CKF_UNWRAP;
        TABLE.put(Ck.CKM_RSA_PKCS, new Info(rsa.minKeySize(), rsa.maxKeySize(), rsa.flags() | rsaCrypt | rsaWrap));
        TABLE.put(Ck.CKM_RSA_PKCS_OAEP, new Info(rsa.minKeySize(), rsa.maxKeySize(), Ck.CKF_HW | rsaCrypt | rsaWrap));
        TABLE.put(Ck.CKM_RSA_X_509, new Info(rsa.minKeySize(), rsa.maxKeySize(), Ck.CKF_HW | rsaCrypt));
        TABLE.put(Ck.CKM_ECDH1_DERIVE, new Info(ec.minKeySize(), ec.maxKeySize(), Ck.CKF_HW | Ck.CKF_DERIVE));
        MACS.put(Ck.CKM_AES_CMAC, MacMechanism.AES_CMAC);
        TABLE.put(Ck.CKM_AES_CMAC, new Info(KeyType.AES.minSize(), KeyType.AES.maxSize(), Ck.CKF_HW | Ck.CKF_SIGN | Ck.CKF_VERIFY));
    }

    private Mechanisms() {
    }

    private static void cipher(Map<Long, Info> table, long type, CipherMechanism mode, Info info) {
        table.put(type, info);
        CIPHERS.put(type, mode);
    }

    /** The mechanisms of this cluster. */
    static List<Long> list(boolean fips) {
        List<Long> all = new ArrayList<>(TABLE.keySet());
        if (!fips) {
            all.addAll(DES3_TABLE.keySet());
        }
        return all;
    }

    static Optional<Info> info(long mechanism, boolean fips) {
        if (!fips && DES3_TABLE.containsKey(mechanism)) {
            return Optional.of(DES3_TABLE.get(mechanism));
        }
        return Optional.ofNullable(TABLE.get(mechanism));
    }

    static Optional<MacMechanism> mac(long mechanism) {
        return Optional.ofNullable(MACS.get(mechanism));
    }

    /** The cipher mode of an encrypt / decrypt mechanism (3DES ones only where 3DES is allowed). */
    static Optional<CipherMechanism> cipher(long mechanism, boolean fips) {
        return info(mechanism, fips).map(i -> CIPHERS.get(mechanism));
    }

    record Info(long minKeySize, long maxKeySize, long flags) {
    }
}
