package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyRecord;

import java.util.Optional;

/**
 * The public half of a private key the user may see, as DER SubjectPublicKeyInfo: what a key
 * reference file ({@code key generate-file --encoding reference-pem}) carries beside the key's
 * handle. Public material only; the private key never leaves.
 */
final class PairReference {
    private final HsmSession session;

    PairReference(HsmSession session) {
        this.session = session;
    }

    HsmResult<byte[]> publicOfPrivate(long handle) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord k = key.get();
        if (k.keyClass() != KeyClass.PRIVATE_KEY) {
            return session.fail(ReturnCode.KEY_CLASS_INVALID, k);
        }
        return session.ok(k, AsymmetricMaterial.of(k.keyClass().code(), k.material()).orElseThrow().publicKeyInfo());
    }
}
