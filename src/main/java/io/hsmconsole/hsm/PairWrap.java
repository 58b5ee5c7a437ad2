package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.RsaEncryption;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.util.Optional;

/**
 * Wrapping a secret key under an RSA public key (PKCS#11's C_WrapKey with CKM_RSA_PKCS_OAEP or
 * CKM_RSA_PKCS): the key must be one its owner may export (extractable), the wrapping key an RSA key
 * whose OBJ_ATTR_WRAP is set (and TRUSTED when the key demands it), and the key short enough for the
 * padding. Whoever holds the private key unwraps it ({@link PairUnwrap}), on this HSM or elsewhere.
 */
final class PairWrap {
    private final HsmCluster cluster;
    private final HsmSession session;

    PairWrap(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    HsmResult<byte[]> wrap(long handle, long wrappingHandle, RsaEncryption scheme) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord k = key.get();
        KeyTransfer transfer = new KeyTransfer(cluster, session);
        Optional<KeyRecord> wrapping = session.lookup(wrappingHandle).filter(session::isVisible);
        Optional<ReturnCode> refusal = transfer.whyNotExportable(k)
                .or(() -> k.keyClass() != KeyClass.SECRET_KEY ? Optional.of(ReturnCode.KEY_CLASS_INVALID) : Optional.empty())
                .or(() -> wrapping.isEmpty() ? Optional.of(ReturnCode.INVALID_HANDLE) : whyNotWrapping(wrapping.get(), k))
                .or(() -> k.material().length > scheme.maxInput(PairCipher.modulusBytes(wrapping.get()))
                        ? Optional.of(ReturnCode.RSA_DATA_LEN_INVALID) : Optional.empty())
                .or(() -> transfer.useQuorum(k, wrapping.get()));
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), k);
        }
        KeyRecord w = wrapping.get();
        try {
            return session.ok(k, scheme.encrypt(PairCipher.rsaKey(w, true).orElseThrow(), cluster.drbg(), k.material()));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("a key that fits the padding always encrypts", e);
        }
    }

    /** An RSA key with OBJ_ATTR_WRAP, TRUSTED when the wrapped key has OBJ_ATTR_WRAP_WITH_TRUSTED. */
    private static Optional<ReturnCode> whyNotWrapping(KeyRecord wrapping, KeyRecord wrapped) {
        boolean fits = PairCipher.rsaKey(wrapping, true).isPresent() && KeyFlags.has(wrapping.flags(), Attribute.WRAP)
                && (!KeyFlags.has(wrapped.flags(), Attribute.WRAP_WITH_TRUSTED) || KeyFlags.has(wrapping.flags(), Attribute.TRUSTED));
        return fits ? Optional.empty() : Optional.of(ReturnCode.WRAPPING_KEY_INVALID);
    }
}
