package io.hsmconsole.hsm.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * The domain parameters keys are generated on are the standard curve's (whichever implementation of it
 * BouncyCastle runs), named by its OID, and a stored private key decodes to the public point it was
 * generated with.
 */
class AsymmetricMaterialCurveTest {
    @Test
    void eachCurveIsTheStandardCurveNamedByItsOid() {
        for (EcCurve curve : EcCurve.values()) {
            ECNamedDomainParameters domain = AsymmetricMaterial.domain(curve);
            X9ECParameters standard = ECNamedCurveTable.getByName(curve.curveName());
            assertThat(domain.getName()).as(curve.curveName()).isEqualTo(AsymmetricMaterial.oid(curve));
            assertThat(domain.getCurve().getField().getCharacteristic()).isEqualTo(standard.getCurve().getField().getCharacteristic());
            assertThat(domain.getCurve().getA().toBigInteger()).isEqualTo(standard.getCurve().getA().toBigInteger());
            assertThat(domain.getCurve().getB().toBigInteger()).isEqualTo(standard.getCurve().getB().toBigInteger());
            assertThat(domain.getN()).isEqualTo(standard.getN());
            assertThat(domain.getH()).isEqualTo(standard.getH());
            assertThat(domain.getG().getEncoded(false)).isEqualTo(standard.getG().getEncoded(false));
        }
    }

    @Test
    void aStoredPrivateKeyDecodesToThePublicPointItWasMadeWith() {
        SecureRandom random = new SecureRandom();
        for (EcCurve curve : EcCurve.values()) {
            for (int i = 0; i < 5; i++) {
                ECKeyPairGenerator g = new ECKeyPairGenerator();
                g.init(new ECKeyGenerationParameters(AsymmetricMaterial.domain(curve), random));
                AsymmetricCipherKeyPair pair = g.generateKeyPair();
                AsymmetricMaterial[] made = AsymmetricMaterial.ofPair(pair);
                AsymmetricMaterial decoded = AsymmetricMaterial.ofPrivate(made[1].encoded()).orElseThrow();
                assertThat(decoded.curve()).contains(curve);
                assertThat(decoded.modulus()).as(curve.curveName())
                        .isEqualTo(((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false));
                assertThat(decoded.publicKeyInfo()).isEqualTo(made[0].encoded());
                assertThat(AsymmetricMaterial.ofPublic(made[0].encoded()).orElseThrow().modulus()).isEqualTo(decoded.modulus());
            }
        }
    }
}
