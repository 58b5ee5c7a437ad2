package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.crypto.Kcv;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GenSymKeyRulesTest extends DemoClusterTest {
    private ReturnCode gen(GenSymKeyRequest r) {
        return owner.generateSymmetricKey(r).code();
    }

    private Map<Attribute, Long> numbers(long handle) {
        KeyAttributes a = owner.attributes(handle).value();
        return a.all().stream().filter(v -> v.text() == null)
                .collect(Collectors.toMap(AttributeValue::attribute, AttributeValue::number));
    }

    @ParameterizedTest
    @CsvSource({"31,16", "31,24", "31,32", "21,24", "16,1", "16,512", "16,3583", "18,1", "18,256"})
    void acceptsEveryValidTypeAndSize(int type, int size) {
        assertThat(gen(GenSymKeyRequest.of(type, size, "k"))).isEqualTo(ReturnCode.SUCCESS);
    }

    @ParameterizedTest
    @CsvSource({"31,20", "31,0", "31,64", "21,16", "21,8", "16,0", "16,3584", "18,0", "18,257"})
    void refusesInvalidSizes(int type, int size) {
        assertThat(gen(GenSymKeyRequest.of(type, size, "k"))).isEqualTo(ReturnCode.INVALID_KEY_SIZE);
    }

    @ParameterizedTest
    @CsvSource({"0", "3", "17", "19", "30", "99"})
    void refusesTypesGenSymKeyCannotMake(int type) {
        assertThat(gen(GenSymKeyRequest.of(type, 16, "k"))).isEqualTo(ReturnCode.INVALID_KEY_TYPE);
    }

    @Test
    void labelAndIdRules() {
        assertThat(gen(GenSymKeyRequest.of(31, 16, ""))).isEqualTo(ReturnCode.INVALID_LABEL);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "has space"))).isEqualTo(ReturnCode.INVALID_LABEL);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "x".repeat(128)))).isEqualTo(ReturnCode.INVALID_LABEL);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "x".repeat(127)))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withId("a b\u0000\u00ff"))).as("an ID is bytes, as CKA_ID").isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withId("i".repeat(128)))).isEqualTo(ReturnCode.INVALID_KEY_ID);
    }

    @Test
    void idIsUniqueInTheClusterAcrossUsersAndSessionKeys() {
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withId("IT-02"))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withId("IT-02"))).isEqualTo(ReturnCode.DUPLICATE_KEY_ID);
        HsmSession alice = TestClusters.login(cluster, "alice");
        assertThat(alice.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k").withId("IT-02")).code())
                .isEqualTo(ReturnCode.DUPLICATE_KEY_ID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withId("wrap01").withSession(true))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withId("wrap01"))).isEqualTo(ReturnCode.DUPLICATE_KEY_ID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withId(""))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withId(""))).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void sharingRules() {
        assertThat(gen(GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02").withShareWith(List.of(4, 5))))
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withShareWith(List.of(3)))).isEqualTo(ReturnCode.SHARE_WITH_OWNER);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withShareWith(List.of(99)))).isEqualTo(ReturnCode.SHARE_USER_INVALID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withShareWith(List.of(7)))).isEqualTo(ReturnCode.SHARE_USER_INVALID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withShareWith(List.of(2)))).isEqualTo(ReturnCode.SHARE_USER_INVALID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withSession(true).withShareWith(List.of(4))))
                .isEqualTo(ReturnCode.SESSION_KEY_NOT_SHAREABLE);
    }

    @Test
    void refusedKeysLeaveNothingBehind() {
        long before = cluster.info().tokenKeyCount();
        gen(GenSymKeyRequest.of(31, 16, "k").withShareWith(List.of(99)));
        gen(GenSymKeyRequest.of(31, 20, "k"));
        assertThat(cluster.info().tokenKeyCount()).isEqualTo(before);
    }

    @Test
    void mValueRules() {
        assertThat(gen(GenSymKeyRequest.of(16, 256, "generic-mV2").withMValue(2).withShareWith(List.of(6))))
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMValue(3).withShareWith(List.of(6))))
                .isEqualTo(ReturnCode.M_VALUE_INVALID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMValue(9).withShareWith(List.of(4, 5, 6))))
                .isEqualTo(ReturnCode.M_VALUE_INVALID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMValue(-1))).isEqualTo(ReturnCode.M_VALUE_INVALID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMValue(1))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMValue(3).withShareWith(List.of(6, 6))))
                .isEqualTo(ReturnCode.M_VALUE_INVALID);
    }

    @Test
    void minSrvAndTimeoutRules() {
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withTimeoutSeconds(1))).isEqualTo(ReturnCode.TIMEOUT_NEEDS_MIN_SRV);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMinServers(4))).isEqualTo(ReturnCode.MIN_SRV_INVALID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMinServers(0))).isEqualTo(ReturnCode.MIN_SRV_INVALID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMinServers(3).withTimeoutSeconds(1))).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void thePreflightListsEveryProblemAndItsFirstIsTheAnswer() {
        owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k").withId("taken"));
        GenSymKeyRequest bad = GenSymKeyRequest.of(31, 20, "has space").withId("taken").withTimeoutSeconds(1)
                .withSession(true).withShareWith(List.of(3, 99)).withMValue(9);
        List<ReturnCode> problems = owner.checkGenSymKey(bad);
        assertThat(problems).containsExactly(ReturnCode.INVALID_KEY_SIZE, ReturnCode.INVALID_LABEL,
                ReturnCode.TIMEOUT_NEEDS_MIN_SRV, ReturnCode.SESSION_KEY_NOT_SHAREABLE, ReturnCode.SHARE_WITH_OWNER,
                ReturnCode.M_VALUE_INVALID, ReturnCode.SHARE_USER_INVALID, ReturnCode.DUPLICATE_KEY_ID);
        assertThat(gen(bad)).isEqualTo(problems.get(0));
        assertThat(owner.checkGenSymKey(GenSymKeyRequest.of(31, 32, "fine"))).isEmpty();
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMinServers(1).withTimeoutSeconds(-1)))
                .isEqualTo(ReturnCode.TIMEOUT_INVALID);
    }

    @Test
    void attestedGenerationPassesOnAHealthyCluster() {
        HsmResult<GeneratedKey> r = owner.generateSymmetricKey(GenSymKeyRequest.of(16, 256, "generic-mV2")
                .withMValue(2).withShareWith(List.of(6)).withAttest(true));
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(r.attestationReport()).hasValueSatisfying(a -> assertThat(a.passed()).isTrue());
    }

    @Test
    void aesAttributes() {
        long h = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "aes256")).value().handle();
        Map<Attribute, Long> a = numbers(h);
        assertThat(a).containsEntry(Attribute.CLASS, 4L).containsEntry(Attribute.KEY_TYPE, 31L)
                .containsEntry(Attribute.TOKEN, 1L).containsEntry(Attribute.PRIVATE, 1L)
                .containsEntry(Attribute.ENCRYPT, 1L).containsEntry(Attribute.DECRYPT, 1L)
                .containsEntry(Attribute.WRAP, 1L).containsEntry(Attribute.UNWRAP, 1L)
                .containsEntry(Attribute.SIGN, 0L).containsEntry(Attribute.VERIFY, 0L)
                .containsEntry(Attribute.LOCAL, 1L).containsEntry(Attribute.SENSITIVE, 1L)
                .containsEntry(Attribute.EXTRACTABLE, 1L).containsEntry(Attribute.VALUE_LEN, 32L)
                .containsEntry(Attribute.DESTROYABLE, 1L).containsEntry(Attribute.NEVER_EXTRACTABLE, 0L);
        KeyAttributes attrs = owner.attributes(h).value();
        assertThat(attrs.kmuDump()).extracting(AttributeValue::attribute).containsExactlyElementsOf(Attribute.KMU_DUMP_ORDER);
        assertThat(attrs.get(Attribute.LABEL).orElseThrow().text()).isEqualTo("aes256");
        assertThat(attrs.get(Attribute.ID).orElseThrow().text()).isEmpty();
    }

    @Test
    void tripleDesAttributesMatchTheSeedDump() {
        long h = owner.generateSymmetricKey(GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02")
                .withShareWith(List.of(4, 5))).value().handle();
        Map<Attribute, Long> a = numbers(h);
        assertThat(a).containsEntry(Attribute.KEY_TYPE, 0x15L).containsEntry(Attribute.ENCRYPT, 1L)
                .containsEntry(Attribute.DECRYPT, 1L).containsEntry(Attribute.WRAP, 0L).containsEntry(Attribute.UNWRAP, 0L)
                .containsEntry(Attribute.VALUE_LEN, 24L);
        assertThat(owner.attributes(h).value().kmuDump()).hasSize(17);
    }

    @Test
    void genericSecretAndRc4HaveNoUsesAndNoKcv() {
        for (int type : new int[]{16, 18}) {
            long h = owner.generateSymmetricKey(GenSymKeyRequest.of(type, 64, "g" + type)).value().handle();
            Map<Attribute, Long> a = numbers(h);
            for (Attribute use : List.of(Attribute.ENCRYPT, Attribute.DECRYPT, Attribute.WRAP, Attribute.UNWRAP,
                    Attribute.SIGN, Attribute.VERIFY)) {
                assertThat(a).as("%s of type %d", use, type).containsEntry(use, 0L);
            }
            KeyAttributes attrs = owner.attributes(h).value();
            assertThat(attrs.get(Attribute.KCV)).isEmpty();
            assertThat(attrs.kmuDump()).hasSize(16);
        }
    }

    @Test
    void nonExtractableAndSessionFlags() {
        GeneratedKey k = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 24, "tmpAES").withId("wrap01")
                .withNonExtractable(true).withSession(true)).value();
        Map<Attribute, Long> a = numbers(k.handle());
        assertThat(a).containsEntry(Attribute.TOKEN, 0L).containsEntry(Attribute.EXTRACTABLE, 0L)
                .containsEntry(Attribute.NEVER_EXTRACTABLE, 1L);
    }

    @Test
    void kcvIsComputedFromTheGeneratedMaterial() {
        long aes = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "kcv")).value().handle();
        byte[] material = owner.transfers().exportKey(aes, aes).value();
        long kcv = owner.attributes(aes).value().get(Attribute.KCV).orElseThrow().number();
        assertThat(String.format("0x%06x", kcv)).isEqualTo(Kcv.format(Kcv.aes(material)));
    }

    @Test
    void fipsClusterRefusesRc4And3Des() {
        ClusterOptions fips = ClusterOptions.of(HsmType.HSM1_MEDIUM, 2, 0);
        try (HsmCluster c = TestClusters.catalog(dir.resolve("fips"), clock).createDemo("fips", fips)) {
            HsmSession s = TestClusters.login(c, "example_user");
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(18, 16, "rc4")).code()).isEqualTo(ReturnCode.POLICY_VIOLATION);
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(21, 24, "des")).code()).isEqualTo(ReturnCode.POLICY_VIOLATION);
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "aes")).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(c.info().keyCapacity()).isEqualTo(3_300);
        }
    }

    @Test
    void aFullClusterRefusesNewKeys() {
        ClusterOptions tiny = ClusterOptions.of(HsmType.HSM2M_MEDIUM, 1, 0).withKeyCapacity(2);
        try (HsmCluster c = TestClusters.catalog(dir.resolve("tiny"), clock).createDemo("tiny", tiny)) {
            HsmSession s = TestClusters.login(c, "example_user");
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "a")).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "b")).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "c")).code()).isEqualTo(ReturnCode.CLUSTER_FULL);
        }
        assertThat(cluster.info().keyCapacity()).isEqualTo(16_666);
    }

    @Test
    void onlyCryptoUsersMakeKeys() {
        HsmSession officer = cluster.login(io.hsmconsole.hsm.user.LoginChannel.CONSOLE,
                io.hsmconsole.model.UserType.CO, "officer1", "officer1_pwd".toCharArray()).value();
        assertThat(officer.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k")).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
    }

    @Test
    void handlesFollowTheClusterCounterAndNode() {
        ClusterOptions one = ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0);
        try (HsmCluster c = TestClusters.catalog(dir.resolve("h"), clock).createDemo("h", one)) {
            HsmSession s = TestClusters.login(c, "example_user");
            List<Long> handles = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                handles.add(s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k")).value().handle());
            }
            // Round-robin over nodes 0, 1, 2, 0 with one counter: 6, 262144+7, 524288+8, 9.
            assertThat(handles).containsExactly(6L, 262151L, 524296L, 9L);
        }
    }
}
