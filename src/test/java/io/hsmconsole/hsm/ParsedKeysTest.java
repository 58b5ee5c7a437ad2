package io.hsmconsole.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyRecord;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.junit.jupiter.api.Test;

/**
 * The decoded-key cache answers a handle from memory only while the record's material is the one it
 * decoded: a handle given to another key decodes that key, and a forgotten entry's copy is overwritten.
 */
class ParsedKeysTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void anEntryServesOnlyTheMaterialItWasMadeFrom() {
        ParsedKeys parsed = new ParsedKeys();
        KeyRecord first = privateKey(7, newEcPrivateKey());
        AsymmetricMaterial decoded = parsed.material(first).orElseThrow();
        assertThat(parsed.material(first).orElseThrow()).as("the same material: the same decoded key").isSameAs(decoded);

        KeyRecord reused = privateKey(7, newEcPrivateKey());
        AsymmetricMaterial other = parsed.material(reused).orElseThrow();
        assertThat(other).isNotSameAs(decoded);
        assertThat(other.publicKeyInfo()).isEqualTo(AsymmetricMaterial.ofPrivate(reused.material()).orElseThrow().publicKeyInfo())
                .isNotEqualTo(decoded.publicKeyInfo());
    }

    @Test
    void aForgottenKeyIsDecodedAgain() {
        ParsedKeys parsed = new ParsedKeys();
        KeyRecord key = privateKey(9, newEcPrivateKey());
        AsymmetricMaterial decoded = parsed.material(key).orElseThrow();
        parsed.forget(List.of(9L));
        assertThat(parsed.material(key).orElseThrow()).isNotSameAs(decoded);
        assertThat(parsed.rsaPrivate(key)).as("an EC key has no RSA operation").isEmpty();
    }

    private byte[] newEcPrivateKey() {
        ECKeyPairGenerator g = new ECKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(AsymmetricMaterial.domain(EcCurve.PRIME256V1), random));
        return AsymmetricMaterial.ofPair(g.generateKeyPair())[1].encoded();
    }

    private static KeyRecord privateKey(long handle, byte[] material) {
        return KeyRecord.builder().handle(handle).ownerId(3).keyClass(KeyClass.PRIVATE_KEY).keyType(KeyAlgorithm.EC).sizeBytes(138)
                .label("k").id("").flags(0).kcv(new byte[3]).mValue(0).originNode(0).createdAtMillis(0)
                .sharedWith(List.of()).material(material).build();
    }
}
