package io.hsmconsole.ui.inspector;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.ui.quorum.PasswordApprovals;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** What the inspector lets whom change, as the simulator decides, and what it shows and saves. */
class InspectorViewModelTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    final Messages messages = Messages.load();
    final RecordingDialogs dialogs = new RecordingDialogs();
    InspectorViewModel vm;
    PasswordApprovals approvals;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        f.login("example_user");
        approvals = new PasswordApprovals(new QuorumController(f.workspace, f.runner, f.errors::add));
        vm = new InspectorViewModel(f.keys, messages, dialogs, approvals);
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }


    private AttributeRowModel row(Attribute a) {
        return vm.rows().stream().filter(r -> r.attribute() == a).findFirst().orElseThrow();
    }

    @Test
    void aKeyBelowTheAvailabilityQuorumSaysSdk5CannotUseItUntilASecondHsmHoldsIt() {
        long h = f.generate(GenSymKeyRequest.of(31, 32, "spread"));
        vm.inspect(h);
        assertThat(vm.nodesProperty().get()).isEqualTo("0, 1, 2 (3 of 3)");

        f.cluster.setNodeOnline(1, false);
        f.cluster.setNodeOnline(2, false);
        vm.refresh();
        assertThat(vm.nodesProperty().get()).startsWith("0, 1, 2 (3 of 3) \u2014 below the key availability quorum")
                .contains("Client SDK 5 applications cannot use it now")
                .contains("The key must be available on at least 2 HSMs before being used");

        f.cluster.setNodeOnline(1, true);
        vm.refresh();
        assertThat(vm.nodesProperty().get()).isEqualTo("0, 1, 2 (3 of 3)");
        vm.inspect(f.generate(GenSymKeyRequest.of(31, 16, "session").withSession(true)));
        assertThat(vm.nodesProperty().get()).as("a session key is not subject to it").doesNotContain("quorum");
    }

    @Test
    void theOwnerMayChangeTheChangeableAttributesOnly() {
        vm.inspect(f.generate(GenSymKeyRequest.of(31, 32, "aes256")));

        assertThat(vm.rows()).hasSize(23);
        for (Attribute a : List.of(Attribute.LABEL, Attribute.ENCRYPT, Attribute.DECRYPT, Attribute.WRAP,
                Attribute.UNWRAP, Attribute.SIGN, Attribute.VERIFY, Attribute.DERIVE, Attribute.DESTROYABLE,
                Attribute.WRAP_WITH_TRUSTED)) {
            assertThat(row(a).editable()).as(a.name()).isTrue();
        }
        for (Attribute a : List.of(Attribute.CLASS, Attribute.KEY_TYPE, Attribute.ID, Attribute.SENSITIVE,
                Attribute.EXTRACTABLE, Attribute.LOCAL, Attribute.VALUE_LEN, Attribute.KCV, Attribute.TOKEN)) {
            assertThat(row(a).editable()).as(a.name()).isFalse();
            assertThat(row(a).reasonNotEditable()).as(a.name()).contains("not modifiable").contains("0x40000014");
        }
        assertThat(row(Attribute.TRUSTED).reasonNotEditable()).contains("not authorized").contains("0x40000002");
    }

    @Test
    void rowsCarryConstantRawValueAndMeaning() {
        vm.inspect(f.generate(GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02")));

        AttributeRowModel type = row(Attribute.KEY_TYPE);
        assertThat(type.constantName()).isEqualTo("OBJ_ATTR_KEY_TYPE");
        assertThat(type.constant()).isEqualTo(256);
        assertThat(type.kmuValue()).isEqualTo("0x15");
        assertThat(type.meaning()).contains("21 3DES");
        assertThat(vm.headingProperty().get()).isEqualTo("Key 6 \u2014 3DES_shared");
    }

    /** PKCS#11 makes keys without CKA_LABEL (its default label is empty): the heading says so instead of ending in a dash. */
    @Test
    void aKeyWithoutALabelIsHeadedSo() {
        vm.inspect(f.generate(GenSymKeyRequest.of(31, 16, "").withLabelOptional()));

        assertThat(vm.headingProperty().get()).isEqualTo("Key 6 (no label: made through PKCS#11 without CKA_LABEL)");
    }

    @Test
    void aSessionKeyMayBePromotedToAToken() {
        vm.inspect(f.generate(GenSymKeyRequest.of(31, 16, "tmp").withSession(true)));

        assertThat(row(Attribute.TOKEN).editable()).isTrue();
        assertThat(vm.nodesProperty().get()).contains("session key lives on one HSM");
    }

    /** Issue 19 item 6: "Share / unshare" is offered only when the simulator would let this user share the key. */
    @Test
    void sharingIsRefusedWithTheSimulatorsReasonForASharedUserAndASessionKey() {
        assertThat(vm.whyNoSharingProperty().get()).as("no key").isEqualTo("Select a key in the list first.");
        long token = f.generate(GenSymKeyRequest.of(31, 32, "mine").withShareWith(List.of(4)));
        vm.inspect(token);
        assertThat(vm.whyNoSharingProperty().get()).as("the owner shares").isEmpty();

        vm.inspect(f.generate(GenSymKeyRequest.of(31, 16, "tmp").withSession(true)));
        assertThat(vm.whyNoSharingProperty().get()).startsWith("A session key lives in one login session")
                .contains("0x4000000b");

        f.login("alice");
        vm.inspect(token);
        assertThat(vm.whyNoSharingProperty().get())
                .isEqualTo("Only the key\u2019s owner, example_user (3), can share or unshare it."
                        + " HSM return code 0xc6 (HSM Error: Key Access is denied)");
    }

    /** Issue 19 item 8: choosing a key is the user's read (audited once); the window's refreshes are not. */
    @Test
    void onlyTheUsersOwnChoiceOfAKeyIsAuditedNotTheWindowsRefreshes() {
        long first = f.generate(GenSymKeyRequest.of(31, 32, "first"));
        long second = f.generate(GenSymKeyRequest.of(31, 32, "second"));
        int before = reads().size();

        vm.inspect(first);
        assertThat(reads().subList(before, reads().size())).containsExactly("getKeyInfo", "getAttribute");
        for (int i = 0; i < 5; i++) {
            vm.refresh();
            vm.inspect(null); // the list re-selects the shown key after each change
            vm.inspect(first);
        }
        assertThat(reads()).hasSize(before + 2);

        vm.inspect(second);
        assertThat(reads()).hasSize(before + 4);
        assertThat(vm.headingProperty().get()).contains("second");
    }

    private List<String> reads() {
        f.cluster.auditLog().flush();
        return f.cluster.auditLog().records(0, 10_000).stream().map(r -> r.command())
                .filter(c -> c.equals("getKeyInfo") || c.equals("getAttribute")).toList();
    }

    @Test
    void aSharedUserSeesEverythingReadOnlyBecauseOnlyTheOwnerMayChange() {
        long handle = f.generate(GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02").withShareWith(List.of(4, 5)));
        f.login("alice");

        vm.inspect(handle);

        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.editable()).isFalse());
        assertThat(row(Attribute.LABEL).reasonNotEditable()).contains("owner").contains("0xc6");
        assertThat(vm.ownerProperty().get()).isEqualTo("example_user (3)");
        assertThat(vm.sharedWithProperty().get()).isEqualTo("alice (4), bob (5)");
    }

    @Test
    void aKeyWhoseManageQuorumDiffersFromItsUseQuorumShowsBothLabelled() {
        // As cloudhsm-cli makes it (--use-key-quorum-value 2 --manage-key-quorum-value 3).
        long split = f.generate(GenSymKeyRequest.of(31, 32, "split").withShareWith(List.of(4, 5)).withQuorum(2, 3));
        vm.inspect(split);

        assertThat(vm.quorumProperty().get()).isEqualTo("2 approvals to use, 3 to manage");
        assertThat(vm.approversProperty().get()).isEqualTo("example_user (3), alice (4), bob (5)");
        assertThat(row(Attribute.ENCRYPT).approvalNote()).as("a change is managing: the manage value")
                .isEqualTo("This key has a manage quorum of 3: changing it asks 3 of its owner and shared users"
                        + " to approve first.");

        long manageOnly = f.generate(GenSymKeyRequest.of(31, 32, "managed").withShareWith(List.of(4)).withQuorum(0, 2));
        vm.inspect(manageOnly);

        assertThat(vm.quorumProperty().get()).isEqualTo("no approvals to use, 2 to manage");
        assertThat(vm.approversProperty().get()).as("approvers matter for the changes").isEqualTo("example_user (3), alice (4)");
        assertThat(row(Attribute.ENCRYPT).needsApprovals()).isTrue();

        long useOnly = f.generate(GenSymKeyRequest.of(31, 32, "used").withShareWith(List.of(4)).withQuorum(2, 0));
        vm.inspect(useOnly);

        assertThat(vm.quorumProperty().get()).isEqualTo("2 approvals to use, none to manage");
        assertThat(row(Attribute.ENCRYPT).needsApprovals()).as("changes need no approvals").isFalse();
        assertThat(row(Attribute.ENCRYPT).editable()).isTrue();
    }

    @Test
    void aQuorumKeyShowsItsQuorumAndChangesAfterApprovals() {
        long handle = f.generate(GenSymKeyRequest.of(31, 32, "q").withShareWith(List.of(4)).withMValue(2));
        vm.inspect(handle);

        assertThat(vm.quorumProperty().get()).isEqualTo("m_value 2: 2 approvals per use or change");
        assertThat(vm.approversProperty().get()).isEqualTo("example_user (3), alice (4)");
        assertThat(row(Attribute.ENCRYPT).editable()).as("editable once approved").isTrue();
        assertThat(row(Attribute.ENCRYPT).approvalNote()).contains("asks 2 of its owner and shared users");
        assertThat(row(Attribute.KEY_TYPE).needsApprovals()).isFalse();

        approvals.approver("alice", "alice_pwd").approver("example_user", "example_pwd");
        vm.setFlag(Attribute.ENCRYPT, false);

        assertThat(approvals.requests).singleElement().satisfies(r -> {
            assertThat(r.purpose()).isEqualTo(QuorumPurpose.MANAGE);
            assertThat(r.commands()).containsExactly("setAttribute " + handle + " 260 0");
        });
        assertThat(dialogs.errors).isEmpty();
        assertThat(row(Attribute.ENCRYPT).kmuValue()).isEqualTo("0x00");
        assertThat(vm.statusProperty().get()).isEqualTo("OBJ_ATTR_ENCRYPT of key " + handle + " changed.");
        assertThat(f.tokens()).as("the token was used up").isEmpty();
    }

    @Test
    void aWrongApproverPasswordOrCancelLeavesTheKeyUnchanged() {
        long handle = f.generate(GenSymKeyRequest.of(31, 32, "q").withShareWith(List.of(4)).withMValue(2));
        vm.inspect(handle);
        approvals.approver("example_user", "example_pwd").approver("alice", "not_alices");

        vm.setFlag(Attribute.ENCRYPT, false);

        assertThat(approvals.dialogs.get(0).noticeProperty().get().codeLine()).contains("0xa3");
        assertThat(row(Attribute.ENCRYPT).kmuValue()).isEqualTo("0x01");
        assertThat(vm.statusProperty().get()).isEqualTo("Approvals cancelled: OBJ_ATTR_ENCRYPT of key " + handle
                + " was not changed.");
        assertThat(f.tokens()).as("no token is left behind").isEmpty();
        HsmResult<Void> direct = await(done -> f.keys.setAttribute(handle, Attribute.ENCRYPT, 0, null, done));
        assertThat(direct.code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    @Test
    void changingAFlagGoesThroughTheSimulatorAndShowsTheNewValue() {
        vm.inspect(f.generate(GenSymKeyRequest.of(16, 32, "hmac")));

        vm.setFlag(Attribute.SIGN, true);
        vm.setLabel("hmac2");

        assertThat(row(Attribute.SIGN).kmuValue()).isEqualTo("0x01");
        assertThat(row(Attribute.LABEL).kmuValue()).isEqualTo("hmac2");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void anInvalidLabelIsRefusedByTheSimulatorWithItsCode() {
        vm.inspect(f.generate(GenSymKeyRequest.of(31, 32, "k")));

        vm.setLabel("has space");

        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.codeLine()).contains("0x40000006");
            assertThat(e.details()).contains("setAttribute returned: 0x40000006");
        });
        assertThat(row(Attribute.LABEL).kmuValue()).isEqualTo("k");
    }

    @Test
    void saveWritesTheKmuAttributeFile() throws Exception {
        long handle = f.generate(GenSymKeyRequest.of(31, 32, "aes256"));
        vm.inspect(handle);
        dialogs.saveAnswer = dir.resolve("attr_6");

        vm.saveKmuAttributeFile();

        assertThat(Files.readString(dialogs.saveAnswer)).startsWith("OBJ_ATTR_CLASS\n0x04\nOBJ_ATTR_KEY_TYPE\n0x1f\n")
                .contains("OBJ_ATTR_LABEL\naes256\nOBJ_ATTR_ID\n\nOBJ_ATTR_VALUE_LEN\n0x00000020\nOBJ_ATTR_KCV\n0x");
        assertThat(vm.statusProperty().get()).contains("17 attributes written to attr_6");
    }

    @Test
    void comparingTwoKeysMarksTheDifferences() {
        long a = f.generate(GenSymKeyRequest.of(31, 32, "a"));
        long b = f.generate(GenSymKeyRequest.of(31, 16, "b").withShareWith(List.of(4)));

        CompareViewModel compare = new CompareViewModel(f.details(a), f.details(b), messages);

        assertThat(compare.lines()).filteredOn(CompareViewModel.Line::differs).extracting(CompareViewModel.Line::name)
                .contains("Handle", "Shared with", "OBJ_ATTR_LABEL", "OBJ_ATTR_VALUE_LEN", "OBJ_ATTR_KCV")
                .doesNotContain("Owner", "OBJ_ATTR_KEY_TYPE");
        assertThat(compare.summary()).as("said in words, not 'line(s)'")
                .isEqualTo(compare.differences() + " rows differ (highlighted).");
    }

    @Test
    void compareShowsTheManageQuorumOnlyWhenAKeyHasOneOfItsOwn() {
        long kmu = f.generate(GenSymKeyRequest.of(31, 32, "kmu").withShareWith(List.of(4)).withMValue(2));
        long alike = f.generate(GenSymKeyRequest.of(31, 32, "alike").withShareWith(List.of(4)).withMValue(2));
        long split = f.generate(GenSymKeyRequest.of(31, 32, "split").withShareWith(List.of(4)).withQuorum(2, 0));

        assertThat(new CompareViewModel(f.details(kmu), f.details(alike), messages).lines())
                .extracting(CompareViewModel.Line::name).doesNotContain("m_value to manage");
        assertThat(new CompareViewModel(f.details(kmu), f.details(split), messages).lines())
                .filteredOn(l -> l.name().startsWith("m_value")).extracting(CompareViewModel.Line::name,
                        CompareViewModel.Line::differs).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m_value", false),
                        org.assertj.core.groups.Tuple.tuple("m_value to manage", true));
    }
}
