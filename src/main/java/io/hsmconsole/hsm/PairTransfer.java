package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.AesKeyWrap;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.WrapMechanism;
import io.hsmconsole.hsm.key.WrappedKey;
import io.hsmconsole.store.KeyRecord;

import org.bouncycastle.crypto.InvalidCipherTextException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Key-pair material in and out of the HSM: {@code exportPubKey} (any user may export a public key
 * whose OBJ_ATTR_EXTRACTABLE is 1), {@code importPubKey}, {@code importPrivateKey} (through an AES
 * wrapping key allowed to unwrap; OBJ_ATTR_LOCAL = 0) and {@code exportPrivateKey} (the owner's
 * extractable private key, wrapped inside the HSM under an AES key allowed to wrap, unwrapped for
 * the host). Material crosses as DER: SubjectPublicKeyInfo and PKCS#8; the shells read and write PEM.
 */
final class PairTransfer {
    private final HsmCluster cluster;
    private final HsmSession session;
    private final KeyCreation creation;
    private final KeyTransfer transfer;

    PairTransfer(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
        this.creation = new KeyCreation(cluster, session);
        this.transfer = new KeyTransfer(cluster, session);
    }

    HsmResult<byte[]> exportPublic(long handle) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord k = key.get();
        if (k.keyClass() != KeyClass.PUBLIC_KEY) {
            return session.fail(ReturnCode.KEY_CLASS_INVALID, k);
        }
        if (!KeyFlags.has(k.flags(), Attribute.EXTRACTABLE)) {
            return session.fail(ReturnCode.KEY_NOT_EXTRACTABLE, k);
        }
        return session.ok(k, k.material().clone());
    }

    HsmResult<GeneratedKey> importPublic(byte[] publicKeyInfo, KeyOptions options, SyncObserver observer) {
        Optional<AsymmetricMaterial> pub = AsymmetricMaterial.ofPublic(publicKeyInfo);
        Optional<ReturnCode> refusal = pub.isEmpty() ? Optional.of(ReturnCode.KEY_MATERIAL_INVALID)
                : creation.validate(options, cluster.nodeRecords().size());
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), null);
        }
        AsymmetricMaterial m = pub.get();
        return KeyCreation.Made.map(creation.createAll(List.of(PairObjects.publicKey(session, m, options, false)),
                options, true, observer), KeyCreation.Made::first);
    }

    /** {@code privateKeyInfo} is wiped afterwards. */
    HsmResult<GeneratedKey> importPrivate(byte[] privateKeyInfo, long wrappingHandle, KeyOptions options,
                                          SyncObserver observer) {
        try {
            Optional<AsymmetricMaterial> priv = AsymmetricMaterial.ofPrivate(privateKeyInfo);
            Optional<ReturnCode> refusal = transfer.whyNotWrapping(wrappingHandle, Attribute.UNWRAP, null)
                    .or(() -> priv.isEmpty() ? Optional.of(ReturnCode.KEY_MATERIAL_INVALID) : Optional.empty())
                    .or(() -> creation.validate(options, cluster.nodeRecords().size()))
                    .or(() -> transfer.useQuorum(session.lookup(wrappingHandle).orElseThrow()));
            if (refusal.isPresent()) {
                return session.fail(refusal.get(), null);
            }
            return PairObjects.createImportedPrivateKey(creation, session, priv.get(), options, observer);
        } finally {
            Arrays.fill(privateKeyInfo, (byte) 0);
        }
    }

    /** The PKCS#8 of the owner's extractable private key, by way of an AES wrapping key (as exSymKey). */
    HsmResult<byte[]> exportPrivate(long handle, long wrappingHandle) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isPresent() && key.get().keyClass() != KeyClass.PRIVATE_KEY) {
            return session.fail(ReturnCode.KEY_CLASS_INVALID, key.get());
        }
        return transfer.export(handle, wrappingHandle);
    }

    /**
     * {@code exportPrivateKey -wk}: the owner's extractable private key wrapped under the AES key
     * {@code wrappingHandle} (NIST AES key wrap with padding); the tool unwraps it on the host with the
     * same key from a file.
     */
    HsmResult<WrappedKey> wrapPrivate(long handle, long wrappingHandle) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isPresent() && key.get().keyClass() != KeyClass.PRIVATE_KEY) {
            return session.fail(ReturnCode.KEY_CLASS_INVALID, key.get());
        }
        return transfer.wrap(handle, wrappingHandle, WrapMechanism.NIST_AES_WRAP_PAD.code());
    }

    /**
     * {@code importPrivateKey -wk}: a PKCS#8 the tool wrapped on the host (AES key wrap with PKCS #5
     * padding) with the AES key of a file; the HSM unwraps it with {@code wrappingHandle}, which must
     * be the same key, then imports it as {@link #importPrivate} does.
     */
    HsmResult<GeneratedKey> importWrappedPrivate(byte[] ciphertext, long wrappingHandle, KeyOptions options,
                                                 SyncObserver observer) {
        Optional<ReturnCode> refusal = transfer.whyNotWrapping(wrappingHandle, Attribute.UNWRAP, null);
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), null);
        }
        byte[] pkcs8;
        try {
            pkcs8 = AesKeyWrap.unwrap(session.lookup(wrappingHandle).orElseThrow().material(),
                    WrapMechanism.AES_KEY_WRAP_PAD_PKCS5, ciphertext);
        } catch (InvalidCipherTextException | RuntimeException e) {
            return session.fail(ReturnCode.WRAPPED_DATA_INVALID, null);
        }
        return importPrivate(pkcs8, wrappingHandle, options, observer);
    }

    /**
     * {@code getCaviumPrivKey}: the public half of an RSA private key this user may use, for the tool's
     * fake PEM, which references the key by handle and holds no secret (so a non-extractable key is
     * fine: SSL/TLS offload is what such keys are for).
     */
    HsmResult<byte[]> rsaPrivateKeyReference(long handle) {
        HsmResult<byte[]> reference = new PairReference(session).publicOfPrivate(handle);
        if (!reference.isSuccess()) {
            return reference;
        }
        KeyRecord k = session.lookup(handle).orElseThrow();
        return k.keyType() == KeyAlgorithm.RSA ? reference
                : session.fail(ReturnCode.RSA_PRIVATE_KEY_REQUIRED, k);
    }
}
