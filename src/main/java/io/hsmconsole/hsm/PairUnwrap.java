package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.OaepHash;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;

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
        Optional<KeyRecord> w = session.lookup(wrappingHandle).filter(session::isVisible);
        if (w.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord wrapping = w.get();
        Optional<AsymmetricMaterial> rsa = AsymmetricMaterial.of(wrapping.keyClass().code(), wrapping.material())
                .filter(m -> m.isPrivate() && m.type() == AsymmetricKeyType.RSA);
        KeyCreation creation = new KeyCreation(cluster, session);
        Optional<ReturnCode> refusal = rsa.isEmpty() || !KeyFlags.has(wrapping.flags(), Attribute.UNWRAP)
                ? Optional.of(ReturnCode.WRAPPING_KEY_INVALID)
                : OaepHash.fromCode(hashCode).isEmpty() ? Optional.of(ReturnCode.WRAP_MECHANISM_UNSUPPORTED)
                : template.keyClass() != KeyClass.SECRET_KEY.code() ? Optional.of(ReturnCode.KEY_CLASS_INVALID)
                : Optional.empty();
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), null);
        }
        OaepHash hash = OaepHash.fromCode(hashCode).orElseThrow();
        OAEPEncoding oaep = new OAEPEncoding(new RSABlindedEngine(), hash.newDigest(), hash.newDigest(), null);
        oaep.init(false, rsa.get().key());
        byte[] material;
        try {
            material = oaep.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            return session.fail(ReturnCode.WRAPPED_DATA_INVALID, null);
        }
        Optional<ReturnCode> invalid = KeyGeneration.validateType(template.keyTypeCode(), material.length, cluster)
                .or(() -> creation.validate(options, cluster.nodeRecords().size()))
                .or(() -> new KeyTransfer(cluster, session).useQuorum(wrapping));
        if (invalid.isPresent()) {
            Arrays.fill(material, (byte) 0);
            return session.fail(invalid.get(), null);
        }
        return creation.create(KeyType.fromCode(template.keyTypeCode()).orElseThrow(), material, options, false, observer);
    }
}
