package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

class KeyControllerTest {
    @TempDir
    Path dir;
    ControllerFixture f;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        f.login("example_user");
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }


    @Test
    void theSeedsAesKeyGetsHandleSixAndShowsUpInTheListWithFullCoverage() {
        long handle = f.generate(GenSymKeyRequest.of(31, 32, "aes256"));

        List<KeyRow> rows = f.keyRows();

        assertThat(handle).isEqualTo(6);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.label()).isEqualTo("aes256");
            assertThat(row.typeName()).isEqualTo("AES");
            assertThat(row.owner()).isEqualTo(new UserRef(3, "example_user"));
            assertThat(row.ownedByMe()).isTrue();
            assertThat(row.coverage()).isEqualTo("3/3");
            assertThat(row.kcv()).matches("0x[0-9a-f]{6}");
        });
    }

    @Test
    void keyPairsShowAsTwoRowsNamedByTypeAndHalfAndTheirDetailsOpen() {
        io.hsmconsole.hsm.key.GeneratedPair pair = f.workspace.session().orElseThrow().pairs().generateKeyPair(
                io.hsmconsole.hsm.key.KeyPairRequest.rsa(2048, java.math.BigInteger.valueOf(65537),
                        io.hsmconsole.hsm.key.KeyOptions.labelled("tls")), io.hsmconsole.hsm.SyncObserver.NONE).value();
        f.workspace.session().orElseThrow().pairs().generateKeyPair(io.hsmconsole.hsm.key.KeyPairRequest.ec(2,
                io.hsmconsole.hsm.key.KeyOptions.labelled("jwt")), io.hsmconsole.hsm.SyncObserver.NONE);

        assertThat(f.keyRows()).extracting(KeyRow::typeName)
                .containsExactly("RSA public", "RSA private", "EC public", "EC private");
        KeyDetails details = f.details(pair.privateHandle());
        assertThat(entry(details, Attribute.CLASS).kmuValue()).isEqualTo("0x03");
        assertThat(entry(details, Attribute.MODULUS_BITS).kmuValue()).isEqualTo("0x00000800");
        assertThat(entry(details, Attribute.PUBLIC_EXPONENT).kmuValue()).isEqualTo("0x010001");
    }

    @Test
    void listenersHearAboutKeysThisConsoleMade() {
        List<String> heard = new ArrayList<>();
        f.keys.addKeysChangedListener(() -> heard.add("changed"));

        f.generate(GenSymKeyRequest.of(31, 16, "k"));

        assertThat(heard).containsExactly("changed");
    }

    @Test
    void aRefusalIsAResultNotAnError() {
        HsmResult<GeneratedKey> result = await(done -> f.keys.generate(GenSymKeyRequest.of(31, 20, "bad"), "genSymKey", p -> { },
                done));

        assertThat(result.code()).isEqualTo(ReturnCode.INVALID_KEY_SIZE);
    }

    @Test
    void thePreflightNamesEveryProblemWithItsFieldInTheSimulatorsOrder() {
        List<GenSymKeyProblem> problems = await(done -> f.keys.checkGenSymKey(
                GenSymKeyRequest.of(31, 20, "has space").withTimeoutSeconds(1).withShareWith(List.of(4)).withMValue(3),
                done));

        assertThat(problems).extracting(GenSymKeyProblem::field, GenSymKeyProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(GenSymKeyField.SIZE, ReturnCode.INVALID_KEY_SIZE),
                org.assertj.core.groups.Tuple.tuple(GenSymKeyField.LABEL, ReturnCode.INVALID_LABEL),
                org.assertj.core.groups.Tuple.tuple(GenSymKeyField.TIMEOUT, ReturnCode.TIMEOUT_NEEDS_MIN_SRV),
                org.assertj.core.groups.Tuple.tuple(GenSymKeyField.M_VALUE, ReturnCode.M_VALUE_INVALID));
    }

    @Test
    void thePreflightFindsAnIdUsedBySomeoneElsesKey() {
        f.login("bob");
        f.generate(GenSymKeyRequest.of(31, 16, "bobs").withId("IT-02"));
        f.login("example_user");

        List<GenSymKeyProblem> problems = await(done -> f.keys.checkGenSymKey(
                GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02"), done));

        assertThat(problems).containsExactly(new GenSymKeyProblem(GenSymKeyField.ID, ReturnCode.DUPLICATE_KEY_ID));
    }

    @Test
    void shareCandidatesAreTheOtherCryptoUsers() {
        assertThat(f.keys.shareCandidates()).extracting(UserRef::name).containsExactly("alice", "bob", "carol");
    }

    @Test
    void detailsNameOwnerAndSharedUsersAndSayWhatTheOwnerMayChange() {
        long handle = f.generate(GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02").withShareWith(List.of(4, 5)));

        KeyDetails details = f.details(handle);

        assertThat(details.owner().name()).isEqualTo("example_user");
        assertThat(details.sharedWith()).extracting(UserRef::name).containsExactly("alice", "bob");
        assertThat(details.nodesHolding()).hasSize(3);
        assertThat(entry(details, Attribute.LABEL).modifiable()).isTrue();
        assertThat(entry(details, Attribute.ID).whyNotModifiable()).contains(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE);
        assertThat(entry(details, Attribute.TRUSTED).whyNotModifiable()).contains(ReturnCode.NOT_AUTHORIZED);
        assertThat(entry(details, Attribute.KEY_TYPE).kmuValue()).isEqualTo("0x15");
        assertThat(entry(details, Attribute.VALUE_LEN).kmuValue()).isEqualTo("0x00000018");
    }

    @Test
    void aSharedUserSeesTheKeyButMayChangeNothing() {
        long handle = f.generate(GenSymKeyRequest.of(31, 32, "shared").withShareWith(List.of(4)));
        f.login("alice");

        KeyDetails details = f.details(handle);

        assertThat(details.ownedByMe()).isFalse();
        assertThat(entry(details, Attribute.LABEL).whyNotModifiable()).contains(ReturnCode.KEY_ACCESS_DENIED);
    }

    @Test
    void setAttributeChangesTheLabelThroughTheSimulator() {
        long handle = f.generate(GenSymKeyRequest.of(31, 32, "before"));

        HsmResult<Void> set = await(done -> f.keys.setAttribute(handle, Attribute.LABEL, 0, "after", done));
        KeyDetails details = f.details(handle);

        assertThat(set.isSuccess()).isTrue();
        assertThat(entry(details, Attribute.LABEL).value().text()).isEqualTo("after");
    }

    @Test
    void setSharingSharesTheNewAndUnsharesTheRest() {
        long handle = f.generate(GenSymKeyRequest.of(31, 32, "k").withShareWith(List.of(4, 5)));

        HsmResult<Void> result = await(done -> f.keys.setSharing(handle, List.of(5, 6), done));
        KeyDetails details = f.details(handle);

        assertThat(result.isSuccess()).isTrue();
        assertThat(details.sharedWith()).extracting(UserRef::id).containsExactly(5, 6);
    }

    @Test
    void onlyTheOwnerMayShare() {
        long handle = f.generate(GenSymKeyRequest.of(31, 32, "k").withShareWith(List.of(4)));
        f.login("alice");

        HsmResult<Void> result = await(done -> f.keys.setSharing(handle, List.of(4, 5), done));

        assertThat(result.code()).isEqualTo(ReturnCode.KEY_ACCESS_DENIED);
    }

    @Test
    void theSavedAttributeFileHasTheSeedsLayout() throws Exception {
        long handle = f.generate(GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02").withShareWith(List.of(4, 5)));
        Path file = dir.resolve("attr_7");

        HsmResult<Integer> saved = await(done -> f.keys.saveAttributeFile(handle, file, done));

        assertThat(saved.value()).isEqualTo(17);
        String kcv = f.keyRows().get(0).kcv();
        assertThat(Files.readString(file)).isEqualTo(String.join("\n", "OBJ_ATTR_CLASS", "0x04", "OBJ_ATTR_KEY_TYPE",
                "0x15", "OBJ_ATTR_TOKEN", "0x01", "OBJ_ATTR_PRIVATE", "0x01", "OBJ_ATTR_ENCRYPT", "0x01",
                "OBJ_ATTR_DECRYPT", "0x01", "OBJ_ATTR_WRAP", "0x00", "OBJ_ATTR_UNWRAP", "0x00", "OBJ_ATTR_SIGN", "0x00",
                "OBJ_ATTR_VERIFY", "0x00", "OBJ_ATTR_LOCAL", "0x01", "OBJ_ATTR_SENSITIVE", "0x01",
                "OBJ_ATTR_EXTRACTABLE", "0x01", "OBJ_ATTR_LABEL", "3DES_shared", "OBJ_ATTR_ID", "IT-02",
                "OBJ_ATTR_VALUE_LEN", "0x00000018", "OBJ_ATTR_KCV", kcv) + "\n");
    }

    @Test
    void aGenericSecretFileHasSixteenAttributesAndAnEmptyIdLine() throws Exception {
        long handle = f.generate(GenSymKeyRequest.of(16, 64, "hmac"));
        Path file = dir.resolve("attr");

        HsmResult<Integer> saved = await(done -> f.keys.saveAttributeFile(handle, file, done));

        assertThat(saved.value()).isEqualTo(16);
        assertThat(Files.readString(file)).contains("OBJ_ATTR_ID\n\nOBJ_ATTR_VALUE_LEN\n0x00000040\n")
                .doesNotContain("KCV");
    }

    @Test
    void deleteRemovesTheKey() {
        long handle = f.generate(GenSymKeyRequest.of(31, 32, "gone"));

        HsmResult<Void> deleted = await(done -> f.keys.delete(handle, done));

        assertThat(deleted.isSuccess()).isTrue();
        assertThat(f.keyRows()).isEmpty();
    }

    @Test
    void clusterFactsDescribeTheCluster() {
        assertThat(f.keys.clusterFacts()).isEqualTo(new ClusterFacts(3, io.hsmconsole.hsm.cluster.HsmType.HSM2M_MEDIUM, java.util.Map.of()));
    }

    private static AttributeEntry entry(KeyDetails details, Attribute attribute) {
        Optional<AttributeEntry> e = details.attributes().stream().filter(a -> a.attribute() == attribute).findFirst();
        assertThat(e).as(attribute.kmuName()).isPresent();
        return e.get();
    }
}
