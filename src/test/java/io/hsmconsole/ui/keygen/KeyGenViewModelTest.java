package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.GenSymKeyField;
import io.hsmconsole.controller.UserRef;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.KeyType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The form's rules, previews and generation, without a toolkit, over a real simulator. */
class KeyGenViewModelTest extends KeyFormTest {
    private static void share(KeyGenViewModel vm, String... names) {
        for (String name : names) {
            UserRef user = vm.sharing().candidates().stream().filter(u -> u.name().equals(name)).findFirst()
                    .orElseThrow();
            vm.sharing().setChecked(user, true);
        }
    }

    @Test
    void anEmptyLabelIsExplainedAndGenerateIsDisabled() {
        KeyGenViewModel vm = form();

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.LABEL);
        assertThat(vm.problems().get(GenSymKeyField.LABEL)).contains("label is required").contains("0x40000006");
        assertThat(vm.canGenerateProperty().get()).isFalse();
    }

    @Test
    void theSeedsAesKeyIsAcceptedAndPreviewedInBothDialects() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("aes256");

        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canGenerateProperty().get()).isTrue();
        assertThat(vm.commandPreviewProperty().get()).isEqualTo("genSymKey -t 31 -s 32 -l aes256");
        assertThat(vm.cliPreviewProperty().get())
                .isEqualTo("key generate-symmetric aes --label aes256 --key-length-bytes 32");
    }

    @Test
    void aesSize20IsRefusedOnTheSizeField() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("k");
        vm.sizeProperty().set("20");

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.SIZE);
        assertThat(vm.problems().get(GenSymKeyField.SIZE))
                .isEqualTo("AES keys are 16, 24, 32 bytes; 20 is not allowed. (0x40000005)");
        assertThat(vm.canGenerateProperty().get()).isFalse();
    }

    @Test
    void aSizeThatIsNoNumberIsExplained() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("k");
        vm.sizeProperty().set("big");

        assertThat(vm.problems().get(GenSymKeyField.SIZE)).contains("whole number");
        assertThat(vm.commandPreviewProperty().get()).isEqualTo("genSymKey -t 31 -s big -l k");
    }

    @Test
    void aTimeoutWithoutMinSrvIsRefusedUntilMinSrvIsGiven() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("k");
        vm.timeoutProperty().set("1");

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.TIMEOUT);
        assertThat(vm.problems().get(GenSymKeyField.TIMEOUT)).contains("-timeout only works together with -min_srv");
        assertThat(vm.canGenerateProperty().get()).isFalse();

        vm.minSrvProperty().set("1");
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void minSrvAboveTheClusterSizeIsRefused() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("k");
        vm.minSrvProperty().set("4");

        assertThat(vm.problems().get(GenSymKeyField.MIN_SRV)).contains("1 to 3");
    }

    @Test
    void aSessionKeyCannotBeShared() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("k");
        vm.sessionProperty().set(true);
        share(vm, "alice");

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.SESSION);
        assertThat(vm.problems().get(GenSymKeyField.SESSION)).contains("session key cannot be shared");
        assertThat(vm.canGenerateProperty().get()).isFalse();
    }

    @Test
    void mValue3NeedsTwoSharedUsers() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("k");
        share(vm, "alice");
        vm.mValueProperty().set(3);

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.M_VALUE);
        assertThat(vm.problems().get(GenSymKeyField.M_VALUE)).contains("with 1 shared user at most 2");
        assertThat(vm.mValueHintProperty().get()).contains("With 1 shared user at most 2");

        share(vm, "bob");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.mValueHintProperty().get()).as("counted in words, not 'user(s)'").contains("With 2 shared users at most 3");
    }

    @Test
    void aTimeoutBelowZeroIsRefusedOnTheTimeoutField() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("k");
        vm.minSrvProperty().set("1");
        vm.timeoutProperty().set("-1");

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.TIMEOUT);
        assertThat(vm.problems().get(GenSymKeyField.TIMEOUT)).contains("cannot be negative").contains("0x40000027");
    }

    @Test
    void anAttestedKeyShowsTheAttestationVerdict() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("attested");
        vm.attestProperty().set(true);
        assertThat(vm.problems()).isEmpty();

        vm.generate();

        assertThat(vm.resultTextProperty().get()).contains("Symmetric Key Created.  Key Handle: 6\n\n"
                + "Attestation Check : [PASS]");
        assertThat(vm.resultOkProperty().get()).isTrue();
    }

    @Test
    void sizesFollowTheType() {
        KeyGenViewModel vm = form();
        vm.typeProperty().set(KeyType.DES3);

        assertThat(vm.sizeChoices()).containsExactly("24");
        assertThat(vm.sizeProperty().get()).isEqualTo("24");
        assertThat(vm.sizeHintProperty().get()).isEqualTo("3DES keys: 24 bytes.");

        vm.typeProperty().set(KeyType.GENERIC_SECRET);
        assertThat(vm.sizeHintProperty().get()).isEqualTo("GENERIC_SECRET keys: 1 to 3583 bytes.");
        assertThat(vm.typeRefusal(KeyType.RC4)).isEmpty();
    }

    @Test
    void aFipsClusterRefusesRc4And3desWithTheReason() {
        KeyGenViewModel vm = form(new ClusterOptions(HsmType.HSM1_MEDIUM, List.of(0L, 0L), null));
        vm.labelProperty().set("k");

        assertThat(vm.typeRefusal(KeyType.DES3)).get().asString().contains("FIPS").contains("0xb3");
        assertThat(vm.typeRefusal(KeyType.RC4)).isPresent();
        assertThat(vm.typeRefusal(KeyType.AES)).isEmpty();

        vm.typeProperty().set(KeyType.DES3);
        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.TYPE);
        assertThat(vm.canGenerateProperty().get()).isFalse();
    }

    @Test
    void anIdInUseIsFoundAsYouType() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("first");
        vm.idProperty().set("IT-02");
        vm.generate();

        vm.labelProperty().set("second");
        vm.idProperty().set("IT-0");
        vm.idProperty().set("IT-02");

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.ID);
        assertThat(vm.problems().get(GenSymKeyField.ID)).contains("IT-02").contains("0x40000008");
    }

    @Test
    void afterGenerateTheFormShowsTheSuccessNotAConflictWithItsOwnNewKey() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("app");
        vm.idProperty().set("APP-07");

        vm.generate();

        assertThat(vm.resultOkProperty().get()).isTrue();
        assertThat(vm.problems()).as("no problem about the key just made").isEmpty();
        assertThat(vm.idProperty().get()).as("the ID now belongs to the new key").isEmpty();
        assertThat(vm.labelProperty().get()).as("the rest is kept for a similar key").isEqualTo("app");
        assertThat(vm.canGenerateProperty().get()).isTrue();
        assertThat(vm.commandPreviewProperty().get()).isEqualTo("genSymKey -t 31 -s 32 -l app");
        assertThat(vm.mayClose(null)).as("clearing the ID is not the user's typing").isTrue();

        vm.idProperty().set("APP-07"); // typed again: now it is a real conflict
        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.ID);
    }

    @Test
    void aRefusedGenerateKeepsTheTypedId() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("app");
        vm.idProperty().set("APP-07");
        takeOffline(2);
        vm.minSrvProperty().set("3");
        vm.timeoutProperty().set("1");

        vm.generate(); // node 2 never has it: the key is rolled back, the ID is free again

        assertThat(vm.resultTextProperty().get()).contains("rolled back");
        assertThat(generated).isEmpty();
        assertThat(vm.idProperty().get()).isEqualTo("APP-07");
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void generateShowsTheHandleAndNodeLinesAndReportsTheNewKey() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("aes256");

        vm.generate();

        assertThat(vm.resultOkProperty().get()).isTrue();
        assertThat(vm.resultTextProperty().get()).isEqualTo(String.join("\n",
                "Cfm3GenerateSymmetricKey returned: 0x00 : HSM Return: SUCCESS", "",
                "Symmetric Key Created.  Key Handle: 6", "",
                "Cluster Error Status",
                "Node id 0 and err state 0x00000000 : HSM Return: SUCCESS",
                "Node id 1 and err state 0x00000000 : HSM Return: SUCCESS",
                "Node id 2 and err state 0x00000000 : HSM Return: SUCCESS"));
        assertThat(vm.resultHeadlineProperty().get()).contains("Key 6 created").contains("3 of 3");
        assertThat(generated).containsExactly(6L);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void anIdUsedBySomeoneElsesUnsharedKeyIsRefusedInlineToo() {
        KeyGenViewModel vm = form();
        // Another user's key holds the ID: invisible to this user, yet the simulator's pre-flight knows.
        try (var other = io.hsmconsole.hsm.TestClusters.login(f.cluster, "bob")) {
            other.generateSymmetricKey(io.hsmconsole.hsm.key.GenSymKeyRequest.of(31, 16, "bobs").withId("taken"));
        }
        vm.labelProperty().set("k");
        vm.idProperty().set("taken");

        assertThat(vm.problems()).containsOnlyKeys(GenSymKeyField.ID);
        assertThat(vm.canGenerateProperty().get()).isFalse();
        vm.generate();
        assertThat(generated).isEmpty();
    }

    @Test
    void theSeedsExamplesArePreviewedExactly() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("tmpAES");
        vm.sizeProperty().set("24");
        vm.idProperty().set("wrap01");
        vm.nonExtractableProperty().set(true);
        vm.sessionProperty().set(true);
        assertThat(vm.commandPreviewProperty().get()).isEqualTo("genSymKey -t 31 -s 24 -l tmpAES -id wrap01 -nex -sess");
        assertThat(vm.cliPreviewProperty().get()).isEqualTo("key generate-symmetric aes --label tmpAES"
                + " --key-length-bytes 24 --session --attributes id=wrap01 extractable=false");

        KeyGenViewModel generic = form();
        generic.typeProperty().set(KeyType.GENERIC_SECRET);
        generic.sizeProperty().set("512");
        generic.labelProperty().set("IT_test_key");
        generic.minSrvProperty().set("1");
        generic.timeoutProperty().set("1");
        assertThat(generic.commandPreviewProperty().get())
                .isEqualTo("genSymKey -t 16 -s 512 -l IT_test_key -min_srv 1 -timeout 1");
        assertThat(generic.cliPreviewProperty().get()).startsWith(
                "key generate-symmetric generic-secret --label IT_test_key --key-length-bytes 512\n# -min_srv");

        KeyGenViewModel des = form();
        des.typeProperty().set(KeyType.DES3);
        des.labelProperty().set("3DES_shared");
        des.idProperty().set("IT-02");
        share(des, "alice", "bob");
        assertThat(des.commandPreviewProperty().get()).isEqualTo("genSymKey -t 21 -s 24 -l 3DES_shared -id IT-02 -u 4,5");
        assertThat(des.cliPreviewProperty().get()).contains("cannot generate 3DES");

        KeyGenViewModel quorum = form();
        quorum.typeProperty().set(KeyType.GENERIC_SECRET);
        quorum.sizeProperty().set("2048");
        quorum.labelProperty().set("generic-mV2");
        share(quorum, "carol");
        quorum.mValueProperty().set(2);
        quorum.attestProperty().set(true);
        assertThat(quorum.commandPreviewProperty().get())
                .isEqualTo("genSymKey -t 16 -s 2048 -l generic-mV2 -m_value 2 -u 6 -attest");
        assertThat(quorum.problems()).isEmpty();
        assertThat(quorum.cliPreviewProperty().get()).contains("--share-crypto-users carol")
                .contains("--use-key-quorum-value 2 --manage-key-quorum-value 2")
                .contains("1 to 800 bytes");
    }

    // ---- issue 19 item 9: what the form says about a wrong label and an unparsable timeout ----

    @Test
    void aLabelWithASpaceIsNamedAsTypedNotAsMissing() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("my key");

        assertThat(vm.problems().get(GenSymKeyField.LABEL)).startsWith("\u201cmy key\u201d cannot be a label")
                .contains("no spaces").contains("0x40000006").doesNotContain("required");
        assertThat(vm.commandPreviewProperty().get()).as("the preview shows the label as typed, one argument")
                .isEqualTo("genSymKey -t 31 -s 32 -l \"my key\"");
        assertThat(vm.cliPreviewProperty().get()).contains("--label \"my key\"");

        vm.labelProperty().set("");
        assertThat(vm.problems().get(GenSymKeyField.LABEL)).startsWith("A label is required");
    }

    @Test
    void numbersThatAreNotNumbersCarryTheirOptionsReturnCode() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("k");
        vm.minSrvProperty().set("1");
        vm.timeoutProperty().set("abc");
        assertThat(vm.problems().get(GenSymKeyField.TIMEOUT)).startsWith("The timeout is a whole number")
                .endsWith("(0x40000027)");

        vm.minSrvProperty().set("two");
        assertThat(vm.problems().get(GenSymKeyField.MIN_SRV)).endsWith("(0x4000000d)");
        vm.sizeProperty().set("big");
        assertThat(vm.problems().get(GenSymKeyField.SIZE)).endsWith("(0x40000005)");
    }

    // ---- issue 19 item 5: -min_srv and the nodes online ----

    @Test
    void minSrvAboveTheNodesOnlineWarnsButDoesNotBlock() {
        KeyGenViewModel vm = form();
        vm.labelProperty().set("k");
        assertThat(vm.minSrvHintProperty().get()).contains("cluster\u2019s 3 HSMs").doesNotContain("offline");

        takeOffline(2);
        vm.minSrvProperty().set("3");

        assertThat(vm.minSrvHintProperty().get()).endsWith("Online now: 2 of 3 (node 2 is offline).");
        assertThat(vm.minSrvWarningProperty().get()).startsWith("Only 2 of 3 HSMs are online (node 2 is offline)")
                .contains("wait");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canGenerateProperty().get()).as("a warning, not a refusal").isTrue();

        vm.minSrvProperty().set("2");
        assertThat(vm.minSrvWarningProperty().get()).isEmpty();
        vm.minSrvProperty().set("3");
        vm.timeoutProperty().set("1");
        assertThat(vm.minSrvWarningProperty().get()).contains("rolled back");
    }

    @Test
    void whileWaitingItSaysWhichNodeIsMissing() {
        KeyGenViewModel vm = form();
        takeOffline(2);
        vm.labelProperty().set("k");
        vm.minSrvProperty().set("3");
        vm.timeoutProperty().set("1");
        List<String> shown = new ArrayList<>();
        vm.progressTextProperty().addListener((obs, old, now) -> shown.add(now));

        vm.generate(); // the manual clock runs the wait out: node 2 never comes back, the key is rolled back

        assertThat(shown).anySatisfy(t -> assertThat(t).contains("of 3 HSMs hold it")
                .endsWith("waiting for node 2 (offline)."));
        assertThat(vm.resultTextProperty().get()).contains("rolled back");
    }

    private void takeOffline(int node) {
        assertThat(f.cluster.setNodeOnline(node, false).isSuccess()).isTrue();
        f.clusterView.refresh();
    }
}
