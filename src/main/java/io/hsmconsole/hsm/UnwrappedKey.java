package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.model.KeyClass;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code unWrapKey} keeps once the wrapping key has opened the ciphertext: a secret key of the
 * template's type and size, or a private key (class 3) whose PKCS#8 is of the template's key type
 * (RSA or EC). Either has OBJ_ATTR_LOCAL = 0. The plaintext is wiped whatever happens.
 */
final class UnwrappedKey {
    private final HsmCluster cluster;
    private final HsmSession session;
    private final KeyCreation creation;

    UnwrappedKey(HsmCluster cluster, HsmSession session, KeyCreation creation) {
        this.cluster = cluster;
        this.session = session;
        this.creation = creation;
    }

    /** {@code quorum} uses the wrapping key's quorum tokens; it runs last, once every other rule has passed. */
    HsmResult<GeneratedKey> keep(byte[] material, KeyTemplate template, KeyOptions options, SyncObserver observer,
                                 Supplier<Optional<ReturnCode>> quorum) {
        try {
            if (template.keyClass() == KeyClass.PRIVATE_KEY.code()) {
                return keepPrivate(material, template, options, observer, quorum);
            }
            Optional<ReturnCode> invalid = KeyGeneration.validateType(template.keyTypeCode(), material.length, cluster)
                    .or(() -> creation.validate(options, cluster.nodeRecords().size()))
                    .or(quorum);
            if (invalid.isPresent()) {
                return session.fail(invalid.get(), null);
            }
            return creation.create(KeyType.fromCode(template.keyTypeCode()).orElseThrow(), material.clone(), options,
                    false, observer, KeyCreation.usage(template.usage()));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private HsmResult<GeneratedKey> keepPrivate(byte[] pkcs8, KeyTemplate template, KeyOptions options,
                                                SyncObserver observer, Supplier<Optional<ReturnCode>> quorum) {
        Optional<AsymmetricMaterial> priv = AsymmetricMaterial.ofPrivate(pkcs8)
                .filter(m -> m.type().code() == template.keyTypeCode());
        Optional<ReturnCode> invalid = (priv.isEmpty() ? Optional.of(ReturnCode.KEY_MATERIAL_INVALID)
                : creation.validate(options, cluster.nodeRecords().size()))
                .or(quorum);
        if (invalid.isPresent()) {
            return session.fail(invalid.get(), null);
        }
        return PairObjects.createImportedPrivateKey(creation, session, priv.get(), options, observer);
    }
}
