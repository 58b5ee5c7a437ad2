package io.hsmconsole.ui.trykey;

import io.hsmconsole.controller.ActionRecord;
import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.KeyUseController;
import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.PairFacts;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import io.hsmconsole.ui.quorum.PasswordApprovals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Try the key" on key pairs: a private key signs with every documented mechanism, the public half
 * verifies, and OpenSSL - the outside judge - verifies the signature with the files the panel saves
 * and the command line it shows.
 */
class TryKeyPairTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    RecordingDialogs dialogs = new RecordingDialogs();
    TryKeyViewModel vm;
    final List<ActionRecord> console = new ArrayList<>();

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        f.login("example_user");
        PasswordApprovals approvals = new PasswordApprovals(new QuorumController(f.workspace, f.runner, f.errors::add));
        vm = new TryKeyViewModel(new KeyUseController(f.workspace, f.runner, f.errors::add), Messages.load(), approvals,
                dialogs);
        f.workspace.addActionListener(console::add);
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private void show(long handle) {
        vm.show(f.details(handle));
        HsmResult<PairFacts> facts = await(done -> f.keys.pairs().facts(handle, done));
        vm.showPair(facts.value());
    }

    private String notice() {
        return vm.noticeProperty().get().fullText();
    }

    /** Saves the panel's files into a fresh folder and runs its OpenSSL line there: its output. */
    private String openssl(String folderName) throws Exception {
        Path folder = Files.createDirectory(dir.resolve(folderName));
        dialogs.folderAnswer = folder;
        vm.openssl().save();
        assertThat(vm.openssl().statusProperty().get()).contains(folder.toString());
        Process p = new ProcessBuilder(vm.openssl().commandProperty().get().split(" ")).directory(folder.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void anRsaPrivateKeyOffersItsMechanismsSignsAndItsPublicHalfVerifies() {
        GeneratedPair pair = f.generatePair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65537), KeyOptions.labelled("r")));
        show(pair.privateHandle());

        assertThat(vm.operations()).containsExactly(TryOperation.SIGN, TryOperation.VERIFY);
        assertThat(vm.mechanisms()).extracting(SignMechanism::code).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(vm.mechanisms()).noneMatch(SignMechanism::isHmac);
        assertThat(vm.operationProperty().get()).isEqualTo(TryOperation.SIGN);
        assertThat(vm.mechanismProperty().get()).isEqualTo(SignMechanism.SHA256_RSA_PKCS);
        assertThat(vm.operationName(TryOperation.VERIFY)).isEqualTo("Verify (public key)");

        vm.dataProperty().set("release 42");
        vm.run();
        assertThat(notice()).isEqualTo("Key " + pair.privateHandle() + " signed 10 bytes with PKCS#1 v1.5 SHA-256"
                + " (-m 1): a 256-byte signature.");
        assertThat(vm.openssl().commandProperty().get())
                .isEqualTo("openssl dgst -sha256 -verify public-key.pem -signature signature.bin data.bin");

        vm.followUp();
        assertThat(vm.operationProperty().get()).isEqualTo(TryOperation.VERIFY);
        assertThat(vm.commandProperty().get()).contains("-k " + pair.publicHandle() + " -m 1");
        assertThat(notice()).isEqualTo("The signature is valid: public key " + pair.publicHandle()
                + ", the other half of key " + pair.privateHandle() + ", checked it over exactly this data.");
        assertThat(console).last().satisfies(r -> assertThat(r.commandLine()).startsWith("verify ")
                .contains("-k " + pair.publicHandle()));
    }

    @Test
    void aPublicKeyVerifiesAndRefusesAForgedSignature() {
        GeneratedPair pair = f.generatePair(KeyPairRequest.ec(2, KeyOptions.labelled("e")));
        show(pair.privateHandle());
        vm.dataProperty().set("payload");
        vm.run();
        String signature = vm.resultProperty().get(); // hex, eight bytes a line: the field takes it as it is

        show(pair.publicHandle());
        assertThat(vm.operationProperty().get()).as("a public key starts on verify").isEqualTo(TryOperation.VERIFY);
        assertThat(vm.mechanismProperty().get()).isEqualTo(SignMechanism.ECDSA_SHA256);
        assertThat(vm.dataProperty().get()).as("another key starts over").isEmpty();
        vm.dataProperty().set("payload");
        vm.signatureProperty().set(signature);
        vm.run();
        assertThat(notice()).startsWith("The signature is valid: key " + pair.publicHandle());

        vm.dataProperty().set("payloaD");
        vm.run();
        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(notice()).contains("0x");
    }

    /** The outside judge: OpenSSL verifies what the console's view model signed, with the PEM it shows. */
    @Test
    void openSslVerifiesEveryDocumentedMechanismsSignature() throws Exception {
        GeneratedPair rsa = f.generatePair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65537), KeyOptions.labelled("r")));
        GeneratedPair ec = f.generatePair(KeyPairRequest.ec(14, KeyOptions.labelled("e")));
        int folder = 0;
        for (GeneratedPair pair : List.of(rsa, ec)) {
            show(pair.privateHandle());
            for (SignMechanism m : List.copyOf(vm.mechanisms())) {
                vm.mechanismProperty().set(m);
                vm.dataProperty().set("contract v" + m.code());
                vm.run();
                assertThat(vm.noticeProperty().get().error()).as(notice()).isFalse();
                assertThat(openssl("m" + m.code() + "-" + folder++)).as(m.name()).isEqualTo("Verified OK");
            }
        }
    }

    @Test
    void openSslRefusesTheSignatureOverOtherData() throws Exception {
        GeneratedPair pair = f.generatePair(KeyPairRequest.ec(2, KeyOptions.labelled("e")));
        show(pair.privateHandle());
        vm.dataProperty().set("the real data");
        vm.run();
        Path folder = Files.createDirectory(dir.resolve("tampered"));
        dialogs.folderAnswer = folder;
        vm.openssl().save();
        Files.writeString(folder.resolve("data.bin"), "other data");
        Process p = new ProcessBuilder(vm.openssl().commandProperty().get().split(" ")).directory(folder.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).startsWith("Verification failure");
        assertThat(p.exitValue()).isNotZero();
    }

    @Test
    void savingOverEarlierFilesAsksFirstAndAnotherKeyOrLogoutClearsTheLine() throws Exception {
        GeneratedPair pair = f.generatePair(KeyPairRequest.ec(2, KeyOptions.labelled("e")));
        show(pair.privateHandle());
        vm.dataProperty().set("one");
        vm.run();
        Path folder = Files.createDirectory(dir.resolve("twice"));
        Files.writeString(folder.resolve("signature.bin"), "keep me");
        dialogs.folderAnswer = folder;
        dialogs.confirmAnswer = false;
        vm.openssl().save();
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(Files.readString(folder.resolve("signature.bin"))).isEqualTo("keep me");
        assertThat(folder.resolve("data.bin")).doesNotExist();

        vm.operationProperty().set(TryOperation.VERIFY);
        assertThat(vm.openssl().availableProperty().get()).as("another operation clears the result").isFalse();

        vm.operationProperty().set(TryOperation.SIGN);
        vm.run();
        assertThat(vm.openssl().availableProperty().get()).isTrue();
        vm.forget();
        assertThat(vm.openssl().commandProperty().get()).isEmpty();
        assertThat(vm.mechanisms()).allMatch(SignMechanism::isHmac);
        assertThat(Arrays.asList(TryOperation.values())).containsExactlyElementsOf(vm.operations());
    }
}
