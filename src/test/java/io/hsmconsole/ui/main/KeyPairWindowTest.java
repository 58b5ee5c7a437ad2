package io.hsmconsole.ui.main;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.SignMechanism;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.hsmconsole.ui.common.FxWait.text;
import static io.hsmconsole.ui.common.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key pairs in the real window: the key form makes an RSA pair (its wrong modulus explained by the
 * simulator at the field, both previews) and a DSA pair, the inspector shows the public key and jumps between the
 * halves, "Try the key" signs and the public half verifies, and another user's public key is listed
 * as not theirs.
 */
class KeyPairWindowTest extends MainWindowTest {

    private static String field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class).getText();
    }

    private static String shown(FxRobot robot, String query) {
        Label label = robot.lookup(query).queryAs(Label.class);
        return label.isVisible() && label.getText() != null ? label.getText() : "";
    }

    @Test
    void theFormMakesAnRsaPairAndTheInspectorLinksItsHalves(FxRobot robot) {
        main.login("example_user", "example_pwd");
        FxMainWindow.openKeyForm(robot);
        robot.clickOn("#kindBox").clickOn("RSA key pair (genRSAKeyPair)");
        until(() -> robot.lookup("#modulusBox").query().isVisible());
        assertThat(robot.lookup("#typeBox").query().isVisible()).isFalse();

        ComboBox<?> modulus = robot.lookup("#modulusBox").queryAs(ComboBox.class);
        robot.clickOn(modulus.getEditor()).push(KeyCode.CONTROL, KeyCode.A).write("2000");
        robot.clickOn("#labelField").write("signer");
        until(() -> shown(robot, "#modulusError").startsWith("An RSA modulus is 1024 to 4096 bits in steps of 256;"
                + " \u201c2000\u201d is not allowed."), () -> shown(robot, "#modulusError"));
        assertThat(field(robot, "#kmuPreview")).isEqualTo("genRSAKeyPair -m 2000 -e 65537 -l signer");
        assertThat(robot.lookup("#cliPreview").queryAs(TextArea.class).getText()).isEqualTo("key generate-asymmetric-pair"
                + " rsa --public-exponent 65537 --modulus-size-bits 2000 --public-label signer --private-label signer");
        assertThat(robot.lookup("#generateButton").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn(modulus.getEditor()).push(KeyCode.CONTROL, KeyCode.A).write("2048");
        until(() -> !robot.lookup("#generateButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#generateButton");
        until(() -> text(robot, "#resultHeadline").startsWith("Key pair created"), () -> text(robot, "#resultHeadline"));
        Matcher made = Pattern.compile("public key (\\d+), private key (\\d+)").matcher(text(robot, "#resultHeadline"));
        assertThat(made.find()).isTrue();
        long publicKey = Long.parseLong(made.group(1));
        long privateKey = Long.parseLong(made.group(2));
        robot.clickOn("#closeButton");
        until(() -> FxMainWindow.window("New key") == null);

        robot.targetWindow(FxMainWindow.window("HSM Key Console"));
        until(() -> text(robot, "#headingLabel").equals("Key " + privateKey + " \u2014 signer"));
        until(() -> text(robot, "#otherHalfFact").equals("public key " + publicKey));
        robot.clickOn("Public key");
        until(() -> text(robot, "#publicKeySummary").equals("RSA private key, 2048-bit modulus"));
        assertThat(robot.lookup("#pemArea").queryAs(TextArea.class).getText()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(field(robot, "#fingerprintField")).matches("[0-9a-f]{64}");

        robot.clickOn("#otherHalfLink");
        until(() -> text(robot, "#headingLabel").equals("Key " + publicKey + " \u2014 signer"));
        until(() -> text(robot, "#publicKeySummary").equals("RSA public key, 2048-bit modulus"));
        assertThat(text(robot, "#otherHalfFact")).isEqualTo("private key " + privateKey);
        assertThat(main.dialogs.errors).isEmpty();
    }

    @Test
    void theFormOffersDsaWithItsOneLengthAndMakesTheDsaPair(FxRobot robot) {
        main.login("example_user", "example_pwd");
        FxMainWindow.openKeyForm(robot);
        robot.clickOn("#kindBox").clickOn("DSA key pair (genDSAKeyPair)");
        until(() -> robot.lookup("#modulusBox").query().isVisible());
        assertThat(robot.lookup("#exponentField").query().isVisible()).as("DSA takes no exponent").isFalse();
        assertThat(robot.lookup("#curveBox").query().isVisible()).isFalse();
        assertThat(shown(robot, "#modulusHint")).startsWith("DSA prime p: 2048 bits");
        ComboBox<?> modulus = robot.lookup("#modulusBox").queryAs(ComboBox.class);
        assertThat(modulus.getItems().stream().map(String::valueOf)).containsExactly("2048");
        assertThat(modulus.getEditor().getText()).isEqualTo("2048");

        robot.clickOn("#labelField").write("dsa_signer");
        until(() -> field(robot, "#kmuPreview").equals("genDSAKeyPair -m 2048 -l dsa_signer"),
                () -> field(robot, "#kmuPreview"));
        assertThat(robot.lookup("#cliPreview").queryAs(TextArea.class).getText())
                .startsWith("# genDSAKeyPair has no CloudHSM CLI equivalent");
        until(() -> !robot.lookup("#generateButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#generateButton");
        until(() -> text(robot, "#resultHeadline").startsWith("Key pair created"), () -> text(robot, "#resultHeadline"));
        assertThat(main.dialogs.errors).isEmpty();
    }

    @Test
    void tryTheKeySignsWithThePrivateKeyAndThePublicHalfVerifies(FxRobot robot) {
        GeneratedPair pair;
        try (HsmSession owner = TestClusters.login(main.fx.cluster, "example_user")) {
            pair = owner.pairs().generateKeyPair(KeyPairRequest.ec(2, KeyOptions.labelled("ecc")), SyncObserver.NONE)
                    .value();
        }
        main.showOwnKey(robot, pair.privateHandle());
        until(() -> text(robot, "#headingLabel").equals("Key " + pair.privateHandle() + " \u2014 ecc"));
        robot.clickOn("Try the key");
        until(() -> text(robot, "#tryRunButton").equals("Sign"));
        until(() -> robot.lookup("#mechanismBox").queryComboBox().getValue() == SignMechanism.ECDSA_SHA256);

        robot.clickOn("#tryDataArea").write("ship it");
        robot.clickOn("#tryRunButton");
        until(() -> text(robot, "#tryNotice").startsWith("Key " + pair.privateHandle() + " signed 7 bytes with ECDSA"));
        until(() -> field(robot, "#opensslField").equals(
                "openssl dgst -sha256 -verify public-key.pem -signature signature.bin data.bin"));

        robot.interact(() -> robot.lookup("#tryHolder").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0.5));
        robot.clickOn("#followButton");
        until(() -> text(robot, "#tryNotice").startsWith("The signature is valid: public key " + pair.publicHandle()),
                () -> text(robot, "#tryNotice"));
        assertThat(field(robot, "#opensslField")).isEmpty();

        robot.interact(() -> main.model.keyList().select(pair.publicHandle()));
        until(() -> text(robot, "#tryRunButton").equals("Verify"));
        assertThat(robot.lookup("#tryDataArea").queryAs(TextArea.class).getText()).as("another key starts over").isEmpty();
        assertThat(main.dialogs.errors).isEmpty();
    }

    @Test
    void anotherUsersPublicKeyIsListedAsNotTheirs(FxRobot robot) {
        GeneratedPair pair;
        try (HsmSession owner = TestClusters.login(main.fx.cluster, "example_user")) {
            pair = owner.pairs().generateKeyPair(KeyPairRequest.ec(2, KeyOptions.labelled("pub")), SyncObserver.NONE)
                    .value();
        }
        main.login("alice", new String(TestClusters.password("alice")));
        until(() -> main.model.keyList().rows().stream().anyMatch(i -> i.row().handle() == pair.publicHandle()));
        assertThat(main.model.keyList().rows()).noneMatch(i -> i.row().handle() == pair.privateHandle());

        robot.interact(() -> main.model.keyList().select(pair.publicHandle()));
        until(() -> robot.lookup(".table-row-cell.not-mine").tryQuery().isPresent());
        TableRow<?> row = robot.lookup(".table-row-cell.not-mine").queryAs(TableRow.class);
        assertThat(row.getTooltip().getText()).startsWith("example_user\u2019s public key");
        until(() -> text(robot, "#otherHalfFact").startsWith("none you can see"));
    }
}
