package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.crypto.Sdk5KeyWrapCipher;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.Sdk5UnwrapTarget;
import io.hsmconsole.hsm.key.Sdk5WrapMechanism;
import io.hsmconsole.hsm.key.Sdk5WrapParameters;
import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client SDK 5's {@code key unwrap}: the wrapped bytes decrypted inside the HSM with an AES key (or an
 * RSA private key) whose unwrap attribute is set, and kept as a new key with local false. A secret key
 * starts with SDK 5's symmetric defaults ({@link Sdk5KeyAttributes}), a private key (PKCS #8 inside)
 * with its pair defaults ({@link Sdk5PairAttributes}); {@code --attributes} change them. A key that
 * does not unwrap, or unwraps to something that is not a key of the type asked for, makes nothing.
 */
final class Sdk5KeyUnwrap {
    private final HsmCluster cluster;
    private final HsmSession session;

    Sdk5KeyUnwrap(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    HsmResult<GeneratedKey> unwrap(byte[] data, long wrappingHandle, Sdk5WrapMechanism mechanism,
                                   Sdk5WrapParameters parameters, Sdk5UnwrapTarget target) {
        KeyCreation creation = new KeyCreation(cluster, session);
        Optional<ReturnCode> refusal = (mechanism.rsa() ? whyNotRsaUnwrapping(wrappingHandle)
                : new KeyTransfer(cluster, session).whyNotWrapping(wrappingHandle, Attribute.UNWRAP, null))
                .or(() -> Sdk5KeyWrap.whyNotParameters(mechanism, parameters, false))
                .or(() -> Sdk5KeyAttributes.whyNotSettable(target.attributes().keySet()))
                .or(() -> creation.validate(target.options(), cluster.nodeRecords().size()));
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), null);
        }
        KeyRecord wrapping = session.lookup(wrappingHandle).orElseThrow();
        byte[] material;
        try {
            material = Sdk5KeyWrapCipher.unwrap(mechanism, parameters, Sdk5KeyWrap.cipherKey(wrapping), data);
        } catch (InvalidCipherTextException | RuntimeException e) {
            return session.fail(ReturnCode.WRAPPED_DATA_INVALID, null);
        }
        return target.keyClass() == KeyClass.SECRET_KEY ? secret(material, wrapping, target, creation)
                : privateKey(material, wrapping, target, creation);
    }

    private HsmResult<GeneratedKey> secret(byte[] material, KeyRecord wrapping, Sdk5UnwrapTarget target,
                                           KeyCreation creation) {
        Optional<ReturnCode> invalid = KeyGeneration.validateType(target.keyTypeCode(), material.length, cluster)
                .or(() -> new KeyTransfer(cluster, session).useQuorum(QuorumService.MANAGE_KEY, wrapping));
        if (invalid.isPresent()) {
            Arrays.fill(material, (byte) 0);
            return session.fail(invalid.get(), null);
        }
        Map<Attribute, Boolean> given = target.attributes();
        return creation.create(KeyType.fromCode(target.keyTypeCode()).orElseThrow(), material, target.options(), false,
                SyncObserver.NONE, kmuDefaults -> Sdk5KeyAttributes.flags(kmuDefaults, given));
    }

    private HsmResult<GeneratedKey> privateKey(byte[] pkcs8, KeyRecord wrapping, Sdk5UnwrapTarget target,
                                               KeyCreation creation) {
        try {
            Optional<AsymmetricMaterial> priv = AsymmetricMaterial.ofPrivate(pkcs8)
                    .filter(m -> m.type().code() == target.keyTypeCode());
            Optional<ReturnCode> invalid = (priv.isEmpty() ? Optional.of(ReturnCode.KEY_MATERIAL_INVALID) : Optional.<ReturnCode>empty())
                    .or(() -> new KeyTransfer(cluster, session).useQuorum(QuorumService.MANAGE_KEY, wrapping));
            if (invalid.isPresent()) {
                return session.fail(invalid.get(), null);
            }
            return createPrivate(priv.get(), target, creation);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** A private key made from host material (key unwrap, key import pem): the pair's SDK 5 defaults, then the attributes given. */
    HsmResult<GeneratedKey> createPrivate(AsymmetricMaterial m, Sdk5UnwrapTarget target, KeyCreation creation) {
        KeyOptions o = target.options();
        KeyCreation.NewObject made = PairObjects.privateKey(session, m, o, false);
        Sdk5PairAttributes sdk5 = new Sdk5PairAttributes(o.label(), o.label(), Map.of(), target.attributes());
        KeyCreation.NewObject withAttributes = (handle, node, now, shares) -> sdk5.privateKey(made.record(handle, node, now, shares));
        return KeyCreation.Made.map(creation.createAll(List.of(withAttributes), o, true, SyncObserver.NONE),
                KeyCreation.Made::first);
    }

    /** An RSA private key with its unwrap attribute set. */
    private Optional<ReturnCode> whyNotRsaUnwrapping(long handle) {
        Optional<KeyRecord> w = session.lookup(handle).filter(session::isVisible);
        if (w.isEmpty()) {
            return Optional.of(ReturnCode.INVALID_HANDLE);
        }
        KeyRecord k = w.get();
        boolean rsaPrivate = k.keyClass() == KeyClass.PRIVATE_KEY && k.keyType() == KeyAlgorithm.RSA;
        return rsaPrivate && KeyFlags.has(k.flags(), Attribute.UNWRAP) ? Optional.empty()
                : Optional.of(ReturnCode.WRAPPING_KEY_INVALID);
    }
}
