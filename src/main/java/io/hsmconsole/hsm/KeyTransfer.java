package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.AesKeyWrap;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.hsm.key.WrapMechanism;
import io.hsmconsole.hsm.key.WrapSpec;
import io.hsmconsole.hsm.key.WrappedKey;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Keys in and out of the HSM: export (exSymKey), wrap (wrapKey), import (imSymKey) and unwrap
 * (unWrapKey). Only the owner exports, only extractable keys leave, and the wrapping key must be an
 * AES key allowed to wrap (or unwrap) — every route checks the same rules here.
 */
final class KeyTransfer {
    private final HsmCluster cluster;
    private final HsmSession session;
    private final KeyCreation creation;

    KeyTransfer(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
        this.creation = new KeyCreation(cluster, session);
    }

    /** The key's plaintext, as {@code exSymKey} writes it: wrapped inside the HSM, unwrapped for the host. */
    HsmResult<byte[]> export(long handle, long wrappingHandle) {
        return wrap(handle, wrappingHandle, WrapMechanism.NIST_AES_WRAP_PAD.code()).map(w -> {
            KeyRecord wrapping = session.lookup(wrappingHandle).orElseThrow();
            try {
                return AesKeyWrap.unwrap(wrapping.material(), w.mechanism(), w.ciphertext());
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException("a key the HSM just wrapped must unwrap", e);
            }
        });
    }

    HsmResult<WrappedKey> wrap(long handle, long wrappingHandle, int mechanismCode) {
        return wrap(handle, wrappingHandle, WrapSpec.of(mechanismCode));
    }

    /**
     * {@code wrapKey}: a secret or private key (key_mgmt_util-wrapKey.md: "a symmetric or private key
     * that you own") encrypted under the wrapping key; a private key as its PKCS#8, which is what
     * {@code unWrapKey -kc 3} and other tools read.
     */
    HsmResult<WrappedKey> wrap(long handle, long wrappingHandle, WrapSpec spec) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord k = key.get();
        Optional<KeyRecord> w = session.lookup(wrappingHandle).filter(session::isVisible);
        Optional<ReturnCode> refusal = (k.keyClass() == KeyClass.PUBLIC_KEY
                ? Optional.of(ReturnCode.KEY_CLASS_INVALID) : whyNotExportable(k))
                .or(() -> w.isEmpty() ? Optional.of(ReturnCode.INVALID_HANDLE) : Optional.empty())
                .or(() -> WrapCipher.whyNot(w.get(), spec, Attribute.WRAP))
                .or(() -> whyNotTrusted(w.get(), k))
                .or(() -> WrapCipher.whyNotFits(w.get(), spec, k.material().length))
                .or(() -> useQuorum(k, w.get()));
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), k);
        }
        WrapCipher.Output out = WrapCipher.wrap(w.get(), spec, k.material(), cluster.drbg());
        return session.ok(k, new WrappedKey(out.ciphertext(), WrapMechanism.fromCode(spec.mechanismCode()).orElseThrow(),
                new KeyTemplate(k.keyClass().code(), k.keyType().code(), KeyTemplate.usageOf(k.flags())),
                k.label(), k.id(), k.sizeBytes(), out.iv()));
    }

    /** {@code imSymKey}: the host's plaintext becomes a key (LOCAL = 0) via an AES key allowed to unwrap. */
    HsmResult<GeneratedKey> importKey(byte[] material, long wrappingHandle, int keyTypeCode, KeyOptions options,
                                      SyncObserver observer) {
        try {
            Optional<ReturnCode> refusal = whyNotWrapping(wrappingHandle, Attribute.UNWRAP, null)
                    .or(() -> whyNotImportable(keyTypeCode))
                    .or(() -> KeyGeneration.validateType(keyTypeCode, material.length, cluster))
                    .or(() -> creation.validate(options, cluster.nodeRecords().size()))
                    .or(() -> useQuorum(session.lookup(wrappingHandle).orElseThrow()));
            if (refusal.isPresent()) {
                return session.fail(refusal.get(), null);
            }
            return creation.create(KeyType.fromCode(keyTypeCode).orElseThrow(), material.clone(), options, false,
                    observer);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * {@code imSymKey -wk}: the tool wrapped the plaintext key on the host with the key in the -wk
     * file (AES key wrap with PKCS #5 padding); the HSM unwraps it with -w. The two must be the same
     * key, or the unwrap fails its integrity check.
     */
    HsmResult<GeneratedKey> importWrapped(byte[] ciphertext, long wrappingHandle, int keyTypeCode, KeyOptions options,
                                          SyncObserver observer) {
        Optional<ReturnCode> refusal = whyNotWrapping(wrappingHandle, Attribute.UNWRAP, null)
                .or(() -> whyNotImportable(keyTypeCode));
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), null);
        }
        return unwrap(ciphertext, wrappingHandle, WrapMechanism.AES_KEY_WRAP_PAD_PKCS5.code(),
                KeyTemplate.secret(keyTypeCode), options, observer);
    }

    /** imSymKey takes the types of {@link KeyType#importableInPlaintext()} only. */
    private static Optional<ReturnCode> whyNotImportable(int keyTypeCode) {
        return KeyType.fromCode(keyTypeCode).filter(KeyType::importableInPlaintext).isPresent()
                ? Optional.empty() : Optional.of(ReturnCode.INVALID_KEY_TYPE);
    }

    HsmResult<GeneratedKey> unwrap(byte[] ciphertext, long wrappingHandle, int mechanismCode, KeyTemplate template,
                                   KeyOptions options, SyncObserver observer) {
        return unwrap(ciphertext, wrappingHandle, WrapSpec.of(mechanismCode), template, options, observer);
    }

    /**
     * {@code unWrapKey}: decrypts a wrapped key inside the HSM and keeps it (LOCAL = 0): a secret key
     * (class 4) or a private key (class 3, its PKCS#8) of the template's type.
     */
    HsmResult<GeneratedKey> unwrap(byte[] ciphertext, long wrappingHandle, WrapSpec spec, KeyTemplate template,
                                   KeyOptions options, SyncObserver observer) {
        Optional<KeyRecord> w = session.lookup(wrappingHandle).filter(session::isVisible);
        Optional<ReturnCode> refusal = (w.isEmpty() ? Optional.of(ReturnCode.INVALID_HANDLE)
                : WrapCipher.whyNot(w.get(), spec, Attribute.UNWRAP))
                .or(() -> template.keyClass() == KeyClass.SECRET_KEY.code()
                        || template.keyClass() == KeyClass.PRIVATE_KEY.code()
                        ? Optional.empty() : Optional.of(ReturnCode.KEY_CLASS_INVALID));
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), null);
        }
        byte[] material;
        try {
            material = WrapCipher.unwrap(w.get(), spec, ciphertext);
        } catch (InvalidCipherTextException | RuntimeException e) {
            return session.fail(ReturnCode.WRAPPED_DATA_INVALID, null);
        }
        return new UnwrappedKey(cluster, session, creation).keep(material, template, options, observer,
                () -> useQuorum(w.get()));
    }

    Optional<ReturnCode> whyNotExportable(KeyRecord key) {
        if (key.ownerId() != session.user().id()) {
            return Optional.of(ReturnCode.KEY_ACCESS_DENIED);
        }
        if (!KeyFlags.has(key.flags(), Attribute.EXTRACTABLE)) {
            return Optional.of(ReturnCode.KEY_NOT_EXTRACTABLE);
        }
        return Optional.empty();
    }

    /**
     * The AES wrapping key of the plaintext routes (exSymKey, imSymKey, exportPrivateKey,
     * importPrivateKey) must be visible, AES, have the WRAP (or UNWRAP) attribute, and be TRUSTED when
     * the wrapped key demands it.
     */
    Optional<ReturnCode> whyNotWrapping(long wrappingHandle, Attribute use, KeyRecord wrapped) {
        Optional<KeyRecord> w = session.lookup(wrappingHandle).filter(session::isVisible);
        if (w.isEmpty()) {
            return Optional.of(ReturnCode.INVALID_HANDLE);
        }
        KeyRecord k = w.get();
        if (k.keyType() != KeyAlgorithm.AES || !KeyFlags.has(k.flags(), use)) {
            return Optional.of(ReturnCode.WRAPPING_KEY_INVALID);
        }
        return wrapped == null ? Optional.empty() : whyNotTrusted(k, wrapped);
    }

    /** A key with OBJ_ATTR_WRAP_WITH_TRUSTED leaves only under a TRUSTED wrapping key. */
    private static Optional<ReturnCode> whyNotTrusted(KeyRecord wrapping, KeyRecord wrapped) {
        return KeyFlags.has(wrapped.flags(), Attribute.WRAP_WITH_TRUSTED) && !KeyFlags.has(wrapping.flags(), Attribute.TRUSTED)
                ? Optional.of(ReturnCode.WRAPPING_KEY_INVALID) : Optional.empty();
    }

    /** Every other rule has passed: use the quorum tokens the keys need (each serves one operation). */
    Optional<ReturnCode> useQuorum(KeyRecord... keys) {
        return useQuorum(QuorumService.USE_KEY, keys);
    }

    /**
     * The same for a service: KMU's wrapKey and unWrapKey spend USE_KEY tokens (its m_value guards the
     * key's use); CloudHSM CLI's key wrap and unwrap are key-management operations
     * (cloudhsm_cli-qm-token-gen.md's table), so they spend MANAGE_KEY tokens against each key's
     * manage-key-quorum-value.
     */
    Optional<ReturnCode> useQuorum(QuorumService service, KeyRecord... keys) {
        for (KeyRecord k : keys) {
            if (!session.quorum().ready(service, k)) {
                return Optional.of(ReturnCode.QUORUM_REQUIRED);
            }
        }
        for (KeyRecord k : keys) {
            session.quorum().useToken(service, k);
        }
        return Optional.empty();
    }

    List<NodeRecord> nodes() {
        return cluster.nodeRecords();
    }
}
