package io.hsmconsole.hsm.key;

import static org.assertj.core.api.Assertions.assertThat;

import io.hsmconsole.property.SeededSecureRandom;
import io.hsmconsole.property.Trials;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.junit.jupiter.api.Test;

/**
 * An EC private key's stored PKCS#8 is written from the point the pair already has instead of by
 * BouncyCastle's PrivateKeyInfoFactory, which multiplies the point out again: the bytes must stay the
 * factory's exactly (the form OpenSSL reads, and what every stored key already is), for a freshly made
 * pair and for a key decoded from the store, on every curve.
 */
class EcPrivateKeyEncodingTest {
    @Test
    void thePkcs8IsTheFactorysByteForByte() {
        Trials.run(200, random -> {
            EcCurve curve = EcCurve.values()[random.nextInt(EcCurve.values().length)];
            ECKeyPairGenerator g = new ECKeyPairGenerator();
            g.init(new ECKeyGenerationParameters(AsymmetricMaterial.domain(curve), new SeededSecureRandom(random)));
            AsymmetricCipherKeyPair pair = g.generateKeyPair();
            byte[] factory = PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded();

            byte[] made = AsymmetricMaterial.ofPair(pair)[1].encoded();
            assertThat(made).as(curve.curveName()).isEqualTo(factory);
            assertThat(AsymmetricMaterial.ofPrivate(made).orElseThrow().encoded()).as("decoded, " + curve.curveName())
                    .isEqualTo(factory);
        });
    }
}
