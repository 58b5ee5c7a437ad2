package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.Sdk5UnwrapTarget;

import java.util.Arrays;
import java.util.Optional;

/**
 * Client SDK 5's {@code key import pem} of a private key: the host's PKCS #8 becomes a private key
 * (local false) with the pair's SDK 5 defaults and the attributes given, as {@code key unwrap} makes
 * one; the material must be an RSA key or an EC key on a curve the HSM offers, of the type asked for.
 */
final class Sdk5PrivateImport {
    private final HsmCluster cluster;
    private final HsmSession session;

    Sdk5PrivateImport(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    /** {@code pkcs8} is wiped afterwards. */
    HsmResult<GeneratedKey> importPrivate(byte[] pkcs8, Sdk5UnwrapTarget target) {
        try {
            KeyCreation creation = new KeyCreation(cluster, session);
            Optional<AsymmetricMaterial> priv = AsymmetricMaterial.ofPrivate(pkcs8)
                    .filter(m -> m.type().code() == target.keyTypeCode());
            Optional<ReturnCode> refusal = (priv.isEmpty() ? Optional.of(ReturnCode.KEY_MATERIAL_INVALID) : Optional.<ReturnCode>empty())
                    .or(() -> Sdk5KeyAttributes.whyNotSettable(target.attributes().keySet()))
                    .or(() -> creation.validate(target.options(), cluster.nodeRecords().size()));
            if (refusal.isPresent()) {
                return session.fail(refusal.get(), null);
            }
            return new Sdk5KeyUnwrap(cluster, session).createPrivate(priv.get(), target, creation);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
