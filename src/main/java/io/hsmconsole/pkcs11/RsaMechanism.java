package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.OaepHash;
import io.hsmconsole.hsm.key.RsaEncryption;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.Mechanism;
import io.hsmconsole.pkcs11.rpc.RpcReader;

import java.util.Map;
import java.util.Optional;

/**
 * The RSA encryption mechanisms read into the simulator's {@link RsaEncryption}: CKM_RSA_PKCS and
 * CKM_RSA_X_509 take no parameter; CKM_RSA_PKCS_OAEP takes CK_RSA_PKCS_OAEP_PARAMS, which p11-kit
 * (0.24 and newer) carries as hashAlg, mgf, source and the source data. CloudHSM pairs each hash with
 * MGF1 over the same hash (pkcs11-mechanisms.md, note 4): another pairing is refused here, as is a
 * label source other than none or CKZ_DATA_SPECIFIED.
 */
final class RsaMechanism {
    private static final Map<Long, OaepHash> HASH = Map.of(0x220L, OaepHash.SHA1, 0x255L, OaepHash.SHA224,
            0x250L, OaepHash.SHA256, 0x260L, OaepHash.SHA384, 0x270L, OaepHash.SHA512);
    private static final Map<Long, OaepHash> MGF1 = Map.of(1L, OaepHash.SHA1, 5L, OaepHash.SHA224, 2L, OaepHash.SHA256,
            3L, OaepHash.SHA384, 4L, OaepHash.SHA512);
    private static final long CKZ_DATA_SPECIFIED = 1;

    private RsaMechanism() {
    }

    /** The scheme of an RSA encrypt / decrypt mechanism; empty for any other mechanism. */
    static Optional<RsaEncryption> of(Mechanism m) {
        if (m.type() == Ck.CKM_RSA_PKCS || m.type() == Ck.CKM_RSA_X_509) {
            if (m.hasParameter()) {
                throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
            }
            return Optional.of(m.type() == Ck.CKM_RSA_PKCS ? RsaEncryption.pkcs1() : RsaEncryption.raw());
        }
        return m.type() == Ck.CKM_RSA_PKCS_OAEP ? Optional.of(oaep(m)) : Optional.empty();
    }

    /** The scheme of a key-wrapping RSA mechanism (PKCS#1 v1.5 or OAEP: raw RSA does not wrap). */
    static Optional<RsaEncryption> forWrapping(Mechanism m) {
        return m.type() == Ck.CKM_RSA_X_509 ? Optional.empty() : of(m);
    }

    private static RsaEncryption oaep(Mechanism m) {
        if (!m.hasParameter()) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
        try {
            RpcReader in = new RpcReader(m.parameter());
            OaepHash hash = HASH.get(in.ulong());
            OaepHash mgf = MGF1.get(in.ulong());
            long source = in.ulong();
            byte[] label = in.byteArray();
            in.end();
            boolean labelFits = source == CKZ_DATA_SPECIFIED || (source == 0 && (label == null || label.length == 0));
            if (hash == null || hash != mgf || !labelFits) {
                throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
            }
            return RsaEncryption.oaep(hash, label);
        } catch (MalformedMessage e) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
    }
}
