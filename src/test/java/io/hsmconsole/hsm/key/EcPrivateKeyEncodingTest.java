package io.hsmconsole.hsm.key;

import static org.assertj.core.api.Assertions.assertThat;

import io.hsmconsole.property.SeededSecureRandom;
import io.hsmconsole.property.Trials;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An EC private key is stored as the PKCS#8 OpenSSL writes (the curve in the AlgorithmIdentifier only,
 * the public point inside), because that is the form whose length the SDK 5 pages show as
 * key-length-bytes; its public key's length is the point's. A key stored in the earlier form
 * (BouncyCastle's factory: the curve inside too) still decodes, re-encodes to OpenSSL's form and reports
 * the same lengths. OpenSSL is the judge ({@code openssl pkcs8 -topk8} rewrites a key in its own form);
 * without the {@code openssl} command the test fails (.ci/run installs it).
 */
class EcPrivateKeyEncodingTest {
    @TempDir
    Path dir;

    /** cloudhsm_cli-key-generate-asymmetric-pair-ec.md (P-224: 57 and 122), genECCKeyPair.md (P-256 private: 0x8a). */
    @Test
    void theLengthsAreThePages() {
        Map<EcCurve, Integer> publicLengths = Map.of(EcCurve.SECP224R1, 57, EcCurve.PRIME256V1, 65);
        Map<EcCurve, Integer> privateLengths = Map.of(EcCurve.SECP224R1, 122, EcCurve.PRIME256V1, 0x8a);
        for (EcCurve curve : publicLengths.keySet()) {
            AsymmetricMaterial[] pair = AsymmetricMaterial.ofPair(generate(curve, new SecureRandom()));
            assertThat(pair[0].valueLength()).as(curve.curveName()).isEqualTo(publicLengths.get(curve));
            assertThat(pair[1].valueLength()).as(curve.curveName()).isEqualTo(privateLengths.get(curve));
        }
    }

    @Test
    void thePkcs8IsOpensslsByteForByteAndItsLengthTheValueLength() throws Exception {
        for (EcCurve curve : EcCurve.values()) {
            AsymmetricCipherKeyPair pair = generate(curve, new SecureRandom());
            AsymmetricMaterial[] made = AsymmetricMaterial.ofPair(pair);
            byte[] ours = made[1].encoded();
            byte[] openssls = opensslPkcs8(ours);
            assertThat(ours).as(curve.curveName()).isEqualTo(openssls);
            assertThat(made[1].valueLength()).as(curve.curveName()).isEqualTo(ours.length);
            assertThat(made[0].valueLength()).as(curve.curveName()).isEqualTo(made[0].modulus().length);

            byte[] earlierForm = PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded();
            assertThat(opensslPkcs8(earlierForm)).as("OpenSSL reads a stored key of the earlier form, " + curve.curveName())
                    .isEqualTo(openssls);
        }
    }

    @Test
    void aKeyStoredInEitherFormDecodesToOpensslsFormAndTheSameLengths() {
        Trials.run(100, random -> {
            EcCurve curve = EcCurve.values()[random.nextInt(EcCurve.values().length)];
            AsymmetricCipherKeyPair pair = generate(curve, new SeededSecureRandom(random));
            byte[] made = AsymmetricMaterial.ofPair(pair)[1].encoded();
            byte[] earlierForm = PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded();
            for (byte[] stored : List.of(made, earlierForm)) {
                AsymmetricMaterial decoded = AsymmetricMaterial.ofPrivate(stored).orElseThrow();
                assertThat(decoded.encoded()).as(curve.curveName()).isEqualTo(made);
                assertThat(decoded.valueLength()).as(curve.curveName()).isEqualTo(made.length);
                assertThat(decoded.publicKeyInfo()).as(curve.curveName())
                        .isEqualTo(AsymmetricMaterial.ofPair(pair)[0].encoded());
            }
        });
    }

    private static AsymmetricCipherKeyPair generate(EcCurve curve, SecureRandom random) {
        ECKeyPairGenerator g = new ECKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(AsymmetricMaterial.domain(curve), random));
        return g.generateKeyPair();
    }

    private byte[] opensslPkcs8(byte[] der) throws IOException, InterruptedException {
        Path in = Files.write(dir.resolve("in.der"), der);
        Path out = dir.resolve("out.der");
        Process p = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-nocrypt", "-inform", "DER", "-in", in.toString(),
                "-outform", "DER", "-out", out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        return Files.readAllBytes(out);
    }
}
