package io.hsmconsole.ui.inspector;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspector's public key: the PEM and fingerprint are checked against what the JDK and OpenSSL
 * make of the key exportPubKey hands out, and each half leads to the other.
 */
class PublicKeyViewModelTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    final List<Long> selected = new ArrayList<>();
    PublicKeyViewModel vm;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        f.login("example_user");
        vm = new PublicKeyViewModel(f.keys.pairs(), Messages.load(), selected::add);
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    /** The DER inside the PEM the panel shows, read the way any PEM reader does. */
    private static byte[] derOf(String pem) {
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    @Test
    void anRsaPrivateKeyShowsThePairsPublicKeyItsFingerprintAndItsOtherHalf() throws Exception {
        GeneratedPair pair = f.generatePair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65537), KeyOptions.labelled("r")));

        vm.show(f.details(pair.privateHandle()));

        byte[] exported = f.exportPublicKey(pair.publicHandle());
        byte[] shown = derOf(vm.pemProperty().get());
        assertThat(shown).isEqualTo(exported);
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(shown));
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
        assertThat(vm.fingerprintProperty().get())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())));
        assertThat(vm.summaryProperty().get()).isEqualTo("RSA private key, 2048-bit modulus");
        assertThat(vm.otherHalfProperty().get()).isEqualTo("public key " + pair.publicHandle());

        vm.goToOtherHalf();
        assertThat(selected).containsExactly(pair.publicHandle());
    }

    @Test
    void anEcPublicKeyNamesItsCurveAndLeadsToThePrivateKey() throws Exception {
        GeneratedPair pair = f.generatePair(KeyPairRequest.ec(16, KeyOptions.labelled("k1")));

        vm.show(f.details(pair.publicHandle()));

        ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(derOf(vm.pemProperty().get())));
        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(vm.summaryProperty().get()).isEqualTo("EC public key on secp256k1 (curve id 16, 256 bits)");
        vm.goToOtherHalf();
        assertThat(selected).containsExactly(pair.privateHandle());
    }

    @Test
    void openSslPrintsTheSameFingerprintForTheShownPem() throws Exception {
        GeneratedPair pair = f.generatePair(KeyPairRequest.ec(2, KeyOptions.labelled("p256")));
        vm.show(f.details(pair.privateHandle()));
        Path pem = dir.resolve("public-key.pem");
        Files.writeString(pem, vm.pemProperty().get());

        // The hint's own command line, run by a shell in the folder of the PEM.
        Process p = new ProcessBuilder("sh", "-c", vm.fingerprintCommand()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).endsWith("= " + vm.fingerprintProperty().get());
    }

    @Test
    void aSecretKeyHasNoPublicKeyAndLogoutForgetsIt() {
        long aes = f.generate(GenSymKeyRequest.of(31, 32, "aes"));
        vm.show(f.details(aes));
        assertThat(vm.isPairProperty().get()).isFalse();
        assertThat(vm.pemProperty().get()).isEmpty();

        GeneratedPair pair = f.generatePair(KeyPairRequest.ec(2, KeyOptions.labelled("p")));
        vm.show(f.details(pair.publicHandle()));
        assertThat(vm.isPairProperty().get()).isTrue();
        vm.forget();
        assertThat(vm.pemProperty().get()).isEmpty();
        assertThat(vm.fingerprintProperty().get()).isEmpty();
        assertThat(vm.otherHalfHandleProperty().get()).isNull();
    }
}
