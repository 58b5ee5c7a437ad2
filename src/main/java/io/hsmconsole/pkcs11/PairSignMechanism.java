package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.SignatureScheme;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.Mechanism;
import io.hsmconsole.pkcs11.rpc.RpcReader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The RSA and ECDSA sign mechanisms: each maps to the simulator's {@link SignatureScheme} (which key
 * type fits, CKA_SIGN, quorum are the simulator's rules). PSS takes CK_RSA_PKCS_PSS_PARAMS, which
 * p11-kit carries as three ulongs (hash, MGF, salt length); the hash must be the mechanism's own.
 */
record PairSignMechanism(SignatureScheme scheme) implements Signing {
    private static final Map<Long, String> HASHED_RSA = new LinkedHashMap<>();
    private static final Map<Long, String> HASHED_PSS = new LinkedHashMap<>();
    private static final Map<Long, String> HASHED_ECDSA = new LinkedHashMap<>();
    /** CKM_SHA_1 … CKM_SHA512 (a PSS parameter's hashAlg) and CKG_MGF1_SHA* by hash name. */
    private static final Map<Long, String> HASH_ALG = Map.of(0x220L, "SHA-1", 0x255L, "SHA-224", 0x250L, "SHA-256",
            0x260L, "SHA-384", 0x270L, "SHA-512");
    private static final Map<Long, String> MGF = Map.of(1L, "SHA-1", 5L, "SHA-224", 2L, "SHA-256", 3L, "SHA-384",
            4L, "SHA-512");

    static {
        HASHED_RSA.put(Ck.CKM_SHA1_RSA_PKCS, "SHA-1");
        HASHED_RSA.put(Ck.CKM_SHA224_RSA_PKCS, "SHA-224");
        HASHED_RSA.put(Ck.CKM_SHA256_RSA_PKCS, "SHA-256");
        HASHED_RSA.put(Ck.CKM_SHA384_RSA_PKCS, "SHA-384");
        HASHED_RSA.put(Ck.CKM_SHA512_RSA_PKCS, "SHA-512");
        HASHED_PSS.put(Ck.CKM_SHA1_RSA_PKCS_PSS, "SHA-1");
        HASHED_PSS.put(Ck.CKM_SHA224_RSA_PKCS_PSS, "SHA-224");
        HASHED_PSS.put(Ck.CKM_SHA256_RSA_PKCS_PSS, "SHA-256");
        HASHED_PSS.put(Ck.CKM_SHA384_RSA_PKCS_PSS, "SHA-384");
        HASHED_PSS.put(Ck.CKM_SHA512_RSA_PKCS_PSS, "SHA-512");
        HASHED_ECDSA.put(Ck.CKM_ECDSA_SHA1, "SHA-1");
        HASHED_ECDSA.put(Ck.CKM_ECDSA_SHA224, "SHA-224");
        HASHED_ECDSA.put(Ck.CKM_ECDSA_SHA256, "SHA-256");
        HASHED_ECDSA.put(Ck.CKM_ECDSA_SHA384, "SHA-384");
        HASHED_ECDSA.put(Ck.CKM_ECDSA_SHA512, "SHA-512");
    }

    /** Every RSA mechanism number this endpoint signs with (for C_GetMechanismList). */
    static Iterable<Long> rsaMechanisms() {
        java.util.List<Long> all = new java.util.ArrayList<>(java.util.List.of(Ck.CKM_RSA_PKCS, Ck.CKM_RSA_PKCS_PSS));
        all.addAll(HASHED_RSA.keySet());
        all.addAll(HASHED_PSS.keySet());
        return all;
    }

    static Iterable<Long> ecdsaMechanisms() {
        java.util.List<Long> all = new java.util.ArrayList<>(java.util.List.of(Ck.CKM_ECDSA));
        all.addAll(HASHED_ECDSA.keySet());
        return all;
    }

    /** The mechanism with its parameters read, if it is a key-pair signature. */
    static Optional<PairSignMechanism> of(Mechanism m) {
        long type = m.type();
        if (type == Ck.CKM_RSA_PKCS || HASHED_RSA.containsKey(type)) {
            noParameter(m);
            return Optional.of(new PairSignMechanism(SignatureScheme.rsaPkcs(HASHED_RSA.get(type))));
        }
        if (type == Ck.CKM_ECDSA || HASHED_ECDSA.containsKey(type)) {
            noParameter(m);
            return Optional.of(new PairSignMechanism(SignatureScheme.ecdsa(HASHED_ECDSA.get(type))));
        }
        if (type == Ck.CKM_RSA_PKCS_PSS || HASHED_PSS.containsKey(type)) {
            return Optional.of(new PairSignMechanism(pss(HASHED_PSS.get(type), m)));
        }
        return Optional.empty();
    }

    private static SignatureScheme pss(String mechanismHash, Mechanism m) {
        if (!m.hasParameter()) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
        try {
            RpcReader in = new RpcReader(m.parameter());
            String hash = HASH_ALG.get(in.ulong());
            String mgf = MGF.get(in.ulong());
            long salt = in.ulong();
            in.end();
            // CKM_SHA*_RSA_PKCS_PSS: the parameter's hash must be the mechanism's. CKM_RSA_PKCS_PSS signs a
            // hash the caller made; the simulator takes it with MGF1 on that same hash (the usual choice).
            boolean fits = mechanismHash != null ? mechanismHash.equals(hash) : hash != null && hash.equals(mgf);
            if (hash == null || mgf == null || salt > 512 || !fits) {
                throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
            }
            return SignatureScheme.pss(mechanismHash, mgf, (int) salt);
        } catch (MalformedMessage e) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
    }

    private static void noParameter(Mechanism m) {
        if (m.hasParameter()) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
    }

    @Override
    public int length(HsmSession login, long key) {
        HsmResult<Integer> length = login.crypto().signatureLength(key, scheme);
        if (!length.isSuccess()) {
            throw new Refusal(SignCalls.keyRefusal(length.code()));
        }
        return length.value();
    }

    @Override
    public HsmResult<byte[]> sign(HsmSession login, long key, byte[] data) {
        return login.crypto().sign(key, scheme, data);
    }

    @Override
    public HsmResult<Void> verify(HsmSession login, long key, byte[] data, byte[] signature) {
        return login.crypto().verify(key, scheme, data, signature);
    }
}
