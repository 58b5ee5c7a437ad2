package io.hsmconsole.ui.trykey;

import io.hsmconsole.controller.ActionRecord;
import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.KeyUseController;
import io.hsmconsole.controller.QuorumApproval;
import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import io.hsmconsole.ui.quorum.PasswordApprovals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The "try the key" panel's logic over the real simulator: results, refusals in words, quorum, commands. */
class TryKeyViewModelTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    QuorumController quorum;
    PasswordApprovals approvals;
    TryKeyViewModel vm;
    final List<ActionRecord> console = new ArrayList<>();

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        f.login("example_user");
        quorum = new QuorumController(f.workspace, f.runner, f.errors::add);
        approvals = new PasswordApprovals(quorum);
        vm = new TryKeyViewModel(new KeyUseController(f.workspace, f.runner, f.errors::add), Messages.load(), approvals,
                new RecordingDialogs());
        f.workspace.addActionListener(console::add);
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private String notice() {
        return vm.noticeProperty().get().fullText();
    }

    @Test
    void anAesKeyWrapsAndUnwrapsBackToTheText() {
        long key = f.generate(GenSymKeyRequest.of(31, 32, "kek"));
        vm.show(f.details(key));
        assertThat(vm.operationProperty().get()).as("an AES key starts on wrap").isEqualTo(TryOperation.WRAP);
        vm.dataProperty().set("D");
        assertThat(vm.dataInfoProperty().get()).isEqualTo("1 byte");
        vm.dataProperty().set("Data for RFC 3394 wrap!!");
        assertThat(vm.dataInfoProperty().get()).isEqualTo("24 bytes");
        assertThat(vm.commandProperty().get()).isEqualTo("aesWrapUnwrap -m 1 -f <data file> -w " + key
                + " -out <result file>");

        vm.run();

        assertThat(notice()).isEqualTo("Key " + key + " wrapped 24 bytes into 40 bytes (AES key wrap, RFC 3394, after PKCS #5 padding).");
        assertThat(vm.resultProperty().get().lines()).as("40 bytes, eight a line").hasSize(5);
        assertThat(vm.followProperty().get()).isEqualTo(TryOperation.UNWRAP);
        assertThat(console).last().satisfies(r -> {
            assertThat(r.commandLine()).startsWith("aesWrapUnwrap -m 1");
            assertThat(r.output()).startsWith("\n\tWarning: IV (-i) is missing.\n\t\t 0xA6A6A6A6A6A6A6A6 is considered"
                    + " as default IV\nresult data:\n").contains("\tCfm3WrapHostKey returned: 0x00 : HSM Return: SUCCESS");
        });

        int commands = console.size();
        vm.followUp(); // "Unwrap it" unwraps: issue 19 item 10 (it used to fill the form only)

        assertThat(vm.operationProperty().get()).isEqualTo(TryOperation.UNWRAP);
        assertThat(vm.formatProperty().get()).isEqualTo(DataFormat.HEX);
        assertThat(console).hasSize(commands + 1);
        assertThat(notice()).startsWith("Key " + key + " unwrapped 40 bytes into 24 bytes")
                .endsWith("As text: \u201cData for RFC 3394 wrap!!\u201d.");
    }

    /** "Verify it" verifies the signature just made, over the same data. */
    @Test
    void verifyItVerifiesTheSignatureJustMade() {
        long key = f.generate(GenSymKeyRequest.of(16, 32, "mac"));
        for (Attribute a : List.of(Attribute.SIGN, Attribute.VERIFY)) {
            HsmResult<Void> set = await(done -> f.keys.setAttribute(key, a, 1, null, done));
            assertThat(set.code()).isEqualTo(ReturnCode.SUCCESS);
        }
        vm.show(f.details(key));
        vm.dataProperty().set("release 42");
        vm.run();
        assertThat(vm.followProperty().get()).isEqualTo(TryOperation.VERIFY);

        vm.followUp();

        assertThat(vm.operationProperty().get()).isEqualTo(TryOperation.VERIFY);
        assertThat(notice()).isEqualTo("The signature is valid: key " + key + " made it over exactly this data.");
    }

    /** A refusal in the HSM's own words says them once, then its code (issue 19 item 10). */
    @Test
    void aRefusedWrapSaysItsSentenceOnce() {
        long key = f.generate(GenSymKeyRequest.of(31, 32, "kek"));
        vm.show(f.details(key));
        vm.dataProperty().set("abc");

        vm.run();

        String text = notice();
        assertThat(text).startsWith("Key " + key + " could not wrap data: Invalid data length");
        String sentence = text.substring(0, text.indexOf(" HSM return code"));
        assertThat(text.indexOf("Invalid data length")).isEqualTo(text.lastIndexOf("Invalid data length"));
        assertThat(sentence).endsWith(".");
        assertThat(text).endsWith("HSM return code 0x4000002a (a simulator-defined code).");
    }

    /** Issue 19 item 4: another key, or a logout, starts over; nothing of the last one stays. */
    @Test
    void anotherKeyOrALogoutClearsTheDataAndTheResult() {
        long first = f.generate(GenSymKeyRequest.of(31, 32, "first"));
        long second = f.generate(GenSymKeyRequest.of(31, 32, "second"));
        vm.show(f.details(first));
        vm.dataProperty().set("secret data of key one!!");
        vm.run();
        assertThat(vm.resultProperty().get()).isNotEmpty();

        vm.show(null); // the list re-selects through a moment of no selection: the same key keeps its work
        vm.show(f.details(first));
        assertThat(vm.dataProperty().get()).isEqualTo("secret data of key one!!");

        vm.show(f.details(second));
        assertThat(vm.dataProperty().get()).isEmpty();
        assertThat(vm.resultProperty().get()).isEmpty();
        assertThat(notice()).isEmpty();

        vm.dataProperty().set("Data for RFC 3394 wrap!!");
        vm.ivProperty().set("A6A6A6A6A6A6A6A6");
        vm.run();
        assertThat(vm.resultProperty().get()).isNotEmpty();
        vm.forget();
        assertThat(vm.keyProperty().get()).isNull();
        assertThat(vm.dataProperty().get()).isEmpty();
        assertThat(vm.ivProperty().get()).isEmpty();
        assertThat(vm.resultProperty().get()).isEmpty();
        assertThat(vm.followProperty().get()).isNull();
        vm.show(f.details(second)); // the next user selects the same key: still nothing of the last one
        assertThat(vm.dataProperty().get()).isEmpty();
        assertThat(vm.resultProperty().get()).isEmpty();
    }

    @Test
    void whatIsNotHexIsRefusedBeforeTheHsm() {
        long key = f.generate(GenSymKeyRequest.of(31, 32, "kek"));
        vm.show(f.details(key));
        console.clear();
        vm.formatProperty().set(DataFormat.HEX);
        vm.dataProperty().set("0x00 11 2");
        assertThat(vm.dataInfoProperty().get()).isEqualTo("not hex: type pairs of 0-9 and a-f");

        vm.run();

        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(notice()).startsWith("The data is not hex");
        assertThat(console).isEmpty();

        vm.dataProperty().set("00112233 44556677 8899aabb ccddeeff");
        vm.ivProperty().set("xyz");
        vm.run();
        assertThat(notice()).startsWith("The IV is not hex");
    }

    @Test
    void theHsmsRefusalsAreSaidInWordsWithTheirCodes() {
        long aes = f.generate(GenSymKeyRequest.of(31, 32, "kek"));
        vm.show(f.details(aes));
        vm.operationProperty().set(TryOperation.SIGN);
        vm.dataProperty().set("hello");
        vm.run();
        assertThat(notice()).startsWith("Key " + aes + " could not sign: This mechanism does not suit the key")
                .contains("0x40000029");

        vm.operationProperty().set(TryOperation.WRAP);
        vm.run();
        assertThat(notice()).startsWith("Key " + aes + " could not wrap data: Invalid data length").contains("0x4000002a");

        long hmac = f.generate(GenSymKeyRequest.of(16, 32, "hmac").withShareWith(List.of(4)));
        f.login("alice");
        vm.show(f.details(hmac));
        vm.dataProperty().set("hello");
        vm.run();
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Key " + hmac + " may not sign: its OBJ_ATTR_SIGN (264)"
                + " is 0, and only its owner, example_user (3), can set it to 1.");
        assertThat(vm.noticeProperty().get().codeLine()).startsWith("HSM return code 0x40000028");
    }

    @Test
    void aQuorumKeyAsksForApprovalsBeforeEachUse() {
        long key = f.generate(GenSymKeyRequest.of(16, 32, "guarded_hmac").withMValue(2).withShareWith(List.of(6)));
        allowSigning(key);
        vm.show(f.details(key));
        vm.dataProperty().set("Release the payment");
        approvals.approver("carol", "carol_pwd").approver("example_user", "example_pwd");

        vm.run();

        assertThat(approvals.requests).singleElement().satisfies(r -> {
            assertThat(r.purpose()).isEqualTo(QuorumPurpose.USE);
            assertThat(r.commands()).containsExactly("sign -f <data file> -k " + key + " -m 22 -out <signature file>");
        });
        assertThat(notice()).startsWith("Key " + key + " signed 19 bytes with HMAC-SHA-256 (-m 22)");
        assertThat(f.tokens()).isEmpty();

        vm.run();
        assertThat(approvals.requests).as("a token serves one use").hasSize(2);

        approvals.cancelling();
        vm.run();
        assertThat(notice()).isEqualTo("Approvals cancelled: the key was not used.");
        assertThat(vm.resultProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    /** OBJ_ATTR_SIGN on, itself a change the key's quorum approves (MANAGE). */
    private void allowSigning(long key) {
        QuorumApproval state = await((java.util.function.Consumer<java.util.function.Consumer<HsmResult<QuorumApproval>>>)
                done -> quorum.request(key, QuorumPurpose.MANAGE, done)).value();
        HsmResult<QuorumApproval> first = await(done -> quorum.approve(state, "carol", "carol_pwd".toCharArray(), done));
        HsmResult<QuorumApproval> second = await(done -> quorum.approve(first.value(), "example_user",
                "example_pwd".toCharArray(), done));
        assertThat(second.value().isComplete()).isTrue();
        HsmResult<Void> set = await(done -> f.keys.setAttribute(key, Attribute.SIGN, 1, null, done));
        assertThat(set.code()).isEqualTo(ReturnCode.SUCCESS);
    }
}
