package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.OaepHash;
import io.hsmconsole.hsm.key.RsaEncryption;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code unWrapKey -m 8} (RSA_OAEP): a secret key encrypted under an RSA public key — by OpenSSL,
 * a KMS, another HSM — is decrypted inside the HSM with the matching private key, whose
 * OBJ_ATTR_UNWRAP must be set, and kept (OBJ_ATTR_LOCAL = 0). The private key's quorum applies.
 */
final class PairUnwrap {
    /** wrapKey/unWrapKey's number for RSA_OAEP. */
    static final int RSA_OAEP = 8;

    private final HsmCluster cluster;
    private final HsmSession session;

    PairUnwrap(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    HsmResult<GeneratedKey> unwrap(byte[] ciphertext, long wrappingHandle, int hashCode, KeyTemplate template,
                                   KeyOptions options, SyncObserver observer) {
        Optional<OaepHash> hash = OaepHash.fromCode(hashCode);
        if (hash.isEmpty()) {
            // the wrapping key's own faults come first, as before the hash is looked at
            Optional<ReturnCode> keyFault = wrappingKeyFault(wrappingHandle);
            return session.fail(keyFault.orElse(ReturnCode.WRAP_MECHANISM_UNSUPPORTED), null);
        }
        return unwrap(ciphertext, wrappingHandle, RsaEncryption.oaep(hash.get(), null), template, options, observer);
    }

    /**
     * The same with any RSA padding PKCS#11's C_UnwrapKey names (CKM_RSA_PKCS_OAEP with its hash and
     * label, CKM_RSA_PKCS).
     */
    HsmResult<GeneratedKey> unwrap(byte[] ciphertext, long wrappingHandle, RsaEncryption scheme, KeyTemplate template,
                                   KeyOptions options, SyncObserver observer) {
        Optional<ReturnCode> refusal = wrappingKeyFault(wrappingHandle)
                .or(() -> template.keyClass() != KeyClass.SECRET_KEY.code() ? Optional.of(ReturnCode.KEY_CLASS_INVALID)
                        : Optional.empty());
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), null);
        }
        KeyRecord wrapping = session.lookup(wrappingHandle).orElseThrow();
        byte[] material;
        try {
            material = scheme.decrypt(PairCipher.rsaKey(wrapping, false).orElseThrow(), ciphertext);
        } catch (InvalidCipherTextException | RuntimeException e) {
            return session.fail(ReturnCode.WRAPPED_DATA_INVALID, null);
        }
        KeyCreation creation = new KeyCreation(cluster, session);
        Optional<ReturnCode> invalid = KeyGeneration.validateType(template.keyTypeCode(), material.length, cluster)
                .or(() -> creation.validate(options, cluster.nodeRecords().size()))
                .or(() -> new KeyTransfer(cluster, session).useQuorum(wrapping));
        if (invalid.isPresent()) {
            Arrays.fill(material, (byte) 0);
            return session.fail(invalid.get(), null);
        }
        return creation.create(KeyType.fromCode(template.keyTypeCode()).orElseThrow(), material, options, false, observer);
    }

    /** The unwrapping key must be a visible RSA private key whose OBJ_ATTR_UNWRAP is set. */
    private Optional<ReturnCode> wrappingKeyFault(long wrappingHandle) {
        Optional<KeyRecord> w = session.lookup(wrappingHandle).filter(session::isVisible);
        if (w.isEmpty()) {
            return Optional.of(ReturnCode.INVALID_HANDLE);
        }
        boolean rsaPrivate = PairCipher.rsaKey(w.get(), false).isPresent();
        return rsaPrivate && KeyFlags.has(w.get().flags(), Attribute.UNWRAP) ? Optional.empty()
                : Optional.of(ReturnCode.WRAPPING_KEY_INVALID);
    }
}
