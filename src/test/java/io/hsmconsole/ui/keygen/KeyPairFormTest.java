package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.GenSymKeyField;
import io.hsmconsole.controller.UserRef;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.text.KmuText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key form's pairs (genRSAKeyPair, genDSAKeyPair, genECCKeyPair) over a real simulator: each wrong value is
 * refused at its field with the simulator's code, the previews are the commands the pages write,
 * and Generate makes both halves.
 */
class KeyPairFormTest extends KeyFormTest {
    @Test
    void anRsaPairIsPreviewedAsThePagesWriteIt() {
        KeyGenViewModel vm = form();
        vm.kindProperty().set(FormKind.RSA);
        vm.labelProperty().set("rsa_test_key_pair");

        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canGenerateProperty().get()).isTrue();
        assertThat(vm.commandPreviewProperty().get()).isEqualTo("genRSAKeyPair -m 2048 -e 65537 -l rsa_test_key_pair");
        assertThat(vm.cliPreviewProperty().get()).isEqualTo("key generate-asymmetric-pair rsa --public-exponent 65537"
                + " --modulus-size-bits 2048 --public-label rsa_test_key_pair --private-label rsa_test_key_pair");
    }

    @Test
    void anEcPairWithEveryOptionIsPreviewedInBothDialects() {
        KeyGenViewModel vm = form();
        vm.kindProperty().set(FormKind.EC);
        vm.pair().curveProperty().set(EcCurve.SECP384R1);
        vm.labelProperty().set("ecc14");
        vm.idProperty().set("E-1");
        vm.nonExtractableProperty().set(true);
        vm.minSrvProperty().set("2");
        UserRef alice = vm.sharing().candidates().get(0);
        vm.sharing().setChecked(alice, true);
        vm.mValueProperty().set(1);

        assertThat(vm.commandPreviewProperty().get())
                .isEqualTo("genECCKeyPair -i 14 -l ecc14 -id E-1 -nex -min_srv 2 -m_value 1 -u " + alice.id());
        assertThat(vm.cliPreviewProperty().get()).isEqualTo("key generate-asymmetric-pair ec --curve secp384r1"
                + " --public-label ecc14 --private-label ecc14 --public-attributes id=E-1 --private-attributes id=E-1"
                + " extractable=false --share-crypto-users " + alice.name()
                + " --manage-private-key-quorum-value 1 --use-private-key-quorum-value 1\n"
                + "# -min_srv/-timeout have no CLI option: Client SDK 5 requires a key on 2 HSMs before use.");
    }

    @Test
    void aModulusTheHsmRefusesIsExplainedAtTheModulusWithItsCode() {
        KeyGenViewModel vm = form();
        vm.kindProperty().set(FormKind.RSA);
        vm.labelProperty().set("k");
        vm.pair().modulusProperty().set("2000");

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.MODULUS);
        assertThat(vm.problems().get(GenSymKeyField.MODULUS)).isEqualTo("An RSA modulus is 1024 to 4096 bits in steps"
                + " of 256; \u201c2000\u201d is not allowed. (" + KmuText.code(ReturnCode.MODULUS_LENGTH_INVALID) + ")");
        assertThat(vm.canGenerateProperty().get()).isFalse();
        assertThat(vm.commandPreviewProperty().get()).isEqualTo("genRSAKeyPair -m 2000 -e 65537 -l k");
    }

    @Test
    void anEvenExponentAndAWordAreRefusedAtTheExponent() {
        KeyGenViewModel vm = form();
        vm.kindProperty().set(FormKind.RSA);
        vm.labelProperty().set("k");
        vm.pair().exponentProperty().set("65538");

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.EXPONENT);
        assertThat(vm.problems().get(GenSymKeyField.EXPONENT)).contains("odd, at least 65537").contains("65538")
                .contains(KmuText.code(ReturnCode.PUBLIC_EXPONENT_INVALID));

        vm.pair().exponentProperty().set("lots");
        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.EXPONENT);
        assertThat(vm.problems().get(GenSymKeyField.EXPONENT)).startsWith("Enter the public exponent as a whole number");
    }

    @Test
    void aFipsClusterRefuses1024BitsAndPrime192v1AtTheirFields() {
        KeyGenViewModel vm = form(new ClusterOptions(HsmType.HSM1_MEDIUM, List.of(0L, 0L), null));
        vm.kindProperty().set(FormKind.RSA);
        vm.labelProperty().set("k");
        vm.pair().modulusProperty().set("1024");

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.MODULUS);
        assertThat(vm.problems().get(GenSymKeyField.MODULUS)).contains("shorter than 2048 bits").contains("0xb3");
        assertThat(vm.pair().modulusHint(FormKind.RSA)).contains("this FIPS-mode cluster needs 2048 or more");

        vm.kindProperty().set(FormKind.EC);
        vm.pair().curveProperty().set(EcCurve.PRIME192V1);
        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.CURVE);
        assertThat(vm.problems().get(GenSymKeyField.CURVE)).startsWith("prime192v1 is refused on a FIPS-mode cluster");
        assertThat(vm.pair().curveRefusal(EcCurve.PRIME192V1)).isPresent();
        assertThat(vm.pair().curveRefusal(EcCurve.SECP256K1)).isEmpty();
    }

    @Test
    void aSessionPairCannotBeSharedAsForASymmetricKey() {
        KeyGenViewModel vm = form();
        vm.kindProperty().set(FormKind.EC);
        vm.labelProperty().set("k");
        vm.sessionProperty().set(true);
        vm.sharing().setChecked(vm.sharing().candidates().get(0), true);

        assertThat(vm.problems()).containsKey(GenSymKeyField.SESSION);
        assertThat(vm.commandPreviewProperty().get()).startsWith("genECCKeyPair -i 2 -l k -sess -u ");
    }

    @Test
    void generateMakesBothHalvesAndSelectsThePrivateKey() {
        KeyGenViewModel vm = form();
        vm.kindProperty().set(FormKind.EC);
        vm.labelProperty().set("ecc");

        vm.generate();

        assertThat(vm.resultOkProperty().get()).isTrue();
        assertThat(vm.resultTextProperty().get()).startsWith(String.join("\n",
                "Cfm3GenerateKeyPair returned: 0x00 : HSM Return: SUCCESS", "",
                "Cfm3GenerateKeyPair:    public key handle: 6    private key handle: 7"));
        assertThat(vm.resultHeadlineProperty().get()).contains("public key 6, private key 7").contains("3 of 3");
        assertThat(generated).containsExactly(7L);
        assertThat(f.keyRows()).extracting(r -> r.typeName()).contains("EC public", "EC private");
    }

    @Test
    void afterGenerateThePairFormShowsTheSuccessNotAConflictWithItsOwnNewPair() {
        KeyGenViewModel vm = form();
        vm.kindProperty().set(FormKind.RSA);
        vm.labelProperty().set("app");
        vm.idProperty().set("APP-07");

        vm.generate();

        assertThat(vm.resultOkProperty().get()).isTrue();
        assertThat(vm.problems()).as("no problem about the pair just made").isEmpty();
        assertThat(vm.idProperty().get()).isEmpty();
        assertThat(vm.labelProperty().get()).isEqualTo("app");
        assertThat(vm.canGenerateProperty().get()).isTrue();

        vm.idProperty().set("APP-07");
        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.ID);
    }

    @Test
    void aDsaPairIsPreviewedAsItsPageWritesItAndTheCliPreviewSaysSdk5HasNone() {
        KeyGenViewModel vm = form();
        vm.kindProperty().set(FormKind.DSA);
        vm.labelProperty().set("dsa_key");

        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canGenerateProperty().get()).isTrue();
        assertThat(vm.commandPreviewProperty().get()).isEqualTo("genDSAKeyPair -m 2048 -l dsa_key");
        assertThat(vm.cliPreviewProperty().get()).startsWith("# genDSAKeyPair has no CloudHSM CLI equivalent")
                .doesNotContain("generate-asymmetric-pair dsa");
        assertThat(vm.pair().modulusHint(FormKind.DSA)).contains("2048 bits").contains("q is 224 bits");
        assertThat(vm.pair().suggestedModuli(FormKind.DSA)).containsExactly("2048");
    }

    @Test
    void aDsaPrimeLengthTheSimulatorRefusesIsExplainedAtTheModulusWithItsCode() {
        KeyGenViewModel vm = form();
        vm.kindProperty().set(FormKind.DSA);
        vm.labelProperty().set("k");
        vm.pair().modulusProperty().set("3072");

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.MODULUS);
        assertThat(vm.problems().get(GenSymKeyField.MODULUS)).isEqualTo("genDSAKeyPair takes only 2048 bits for the"
                + " prime p; \u201c3072\u201d is not allowed. (" + KmuText.code(ReturnCode.MODULUS_LENGTH_INVALID) + ")");
        assertThat(vm.commandPreviewProperty().get()).isEqualTo("genDSAKeyPair -m 3072 -l k");
        assertThat(vm.canGenerateProperty().get()).isFalse();

        vm.pair().modulusProperty().set("two thousand");
        assertThat(vm.problems().get(GenSymKeyField.MODULUS)).startsWith("Enter the modulus length in bits");
        vm.pair().exponentProperty().set("even");
        assertThat(vm.problems()).as("DSA takes no exponent").containsOnlyKeys(GenSymKeyField.MODULUS);
    }

    @Test
    void generateMakesBothHalvesOfADsaPair() {
        KeyGenViewModel vm = form();
        vm.kindProperty().set(FormKind.DSA);
        vm.labelProperty().set("dsa");

        vm.generate();

        assertThat(vm.resultOkProperty().get()).isTrue();
        assertThat(vm.resultHeadlineProperty().get()).contains("public key 6, private key 7");
        assertThat(generated).containsExactly(7L);
        assertThat(f.keyRows()).extracting(r -> r.typeName()).contains("DSA public", "DSA private");
    }
}
