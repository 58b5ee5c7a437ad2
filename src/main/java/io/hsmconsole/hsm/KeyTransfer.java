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
import io.hsmconsole.hsm.key.WrappedKey;
import io.hsmconsole.hsm.quorum.QuorumService;
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
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        Optional<ReturnCode> refusal = whyNotExportable(key.get())
                .or(() -> whyNotWrapping(wrappingHandle, Attribute.WRAP, key.get()));
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), key.get());
        }
        Optional<WrapMechanism> mechanism = WrapMechanism.fromCode(mechanismCode);
        if (mechanism.isEmpty()) {
            return session.fail(ReturnCode.WRAP_MECHANISM_UNSUPPORTED, key.get());
        }
        KeyRecord k = key.get();
        if (mechanism.get() == WrapMechanism.NIST_AES_WRAP_NO_PAD && k.material().length % 8 != 0) {
            return session.fail(ReturnCode.WRAP_MECHANISM_UNSUPPORTED, k);
        }
        KeyRecord wrapping = session.lookup(wrappingHandle).orElseThrow();
        Optional<ReturnCode> noQuorum = useQuorum(k, wrapping);
        if (noQuorum.isPresent()) {
            return session.fail(noQuorum.get(), k);
        }
        byte[] ciphertext = AesKeyWrap.wrap(wrapping.material(), mechanism.get(), k.material());
        return session.ok(k, new WrappedKey(ciphertext, mechanism.get(),
                new KeyTemplate(k.keyClass().code(), k.keyType(), KeyTemplate.usageOf(k.flags())),
                k.label(), k.id(), k.sizeBytes()));
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

    /** {@code unWrapKey}: decrypts a wrapped key inside the HSM and keeps it (LOCAL = 0). */
    HsmResult<GeneratedKey> unwrap(byte[] ciphertext, long wrappingHandle, int mechanismCode, KeyTemplate template,
                                   KeyOptions options, SyncObserver observer) {
        Optional<ReturnCode> refusal = whyNotWrapping(wrappingHandle, Attribute.UNWRAP, null);
        if (refusal.isEmpty() && WrapMechanism.fromCode(mechanismCode).isEmpty()) {
            refusal = Optional.of(ReturnCode.WRAP_MECHANISM_UNSUPPORTED);
        }
        if (refusal.isEmpty() && template.keyClass() != KeyClass.SECRET_KEY.code()) {
            refusal = Optional.of(ReturnCode.KEY_CLASS_INVALID);
        }
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), null);
        }
        byte[] material;
        try {
            byte[] wrappingKey = session.lookup(wrappingHandle).orElseThrow().material();
            material = AesKeyWrap.unwrap(wrappingKey, WrapMechanism.fromCode(mechanismCode).orElseThrow(), ciphertext);
        } catch (InvalidCipherTextException | RuntimeException e) {
            return session.fail(ReturnCode.WRAPPED_DATA_INVALID, null);
        }
        Optional<ReturnCode> invalid = KeyGeneration.validateType(template.keyTypeCode(), material.length, cluster)
                .or(() -> creation.validate(options, cluster.nodeRecords().size()))
                .or(() -> useQuorum(session.lookup(wrappingHandle).orElseThrow()));
        if (invalid.isPresent()) {
            Arrays.fill(material, (byte) 0);
            return session.fail(invalid.get(), null);
        }
        return creation.create(KeyType.fromCode(template.keyTypeCode()).orElseThrow(), material, options, false,
                observer, KeyCreation.usage(template.usage()));
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
     * The wrapping key must be visible, AES, have the WRAP (or UNWRAP) attribute, need no quorum,
     * and be TRUSTED when the wrapped key demands it.
     */
    Optional<ReturnCode> whyNotWrapping(long wrappingHandle, Attribute use, KeyRecord wrapped) {
        Optional<KeyRecord> w = session.lookup(wrappingHandle).filter(session::isVisible);
        if (w.isEmpty()) {
            return Optional.of(ReturnCode.INVALID_HANDLE);
        }
        KeyRecord k = w.get();
        if (k.keyType() != KeyType.AES.code() || !KeyFlags.has(k.flags(), use)) {
            return Optional.of(ReturnCode.WRAPPING_KEY_INVALID);
        }
        if (wrapped != null && KeyFlags.has(wrapped.flags(), Attribute.WRAP_WITH_TRUSTED)
                && !KeyFlags.has(k.flags(), Attribute.TRUSTED)) {
            return Optional.of(ReturnCode.WRAPPING_KEY_INVALID);
        }
        return Optional.empty();
    }

    /** Every other rule has passed: use the quorum tokens the keys need (each serves one operation). */
    Optional<ReturnCode> useQuorum(KeyRecord... keys) {
        for (KeyRecord k : keys) {
            if (MValue.needsQuorum(k.mValue()) && !session.quorum().ready(QuorumService.USE_KEY, k)) {
                return Optional.of(ReturnCode.QUORUM_REQUIRED);
            }
        }
        for (KeyRecord k : keys) {
            session.quorum().useToken(QuorumService.USE_KEY, k);
        }
        return Optional.empty();
    }

    List<NodeRecord> nodes() {
        return cluster.nodeRecords();
    }
}
