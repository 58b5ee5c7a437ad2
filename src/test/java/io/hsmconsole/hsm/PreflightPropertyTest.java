package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import io.hsmconsole.store.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form's pre-flight ({@code checkGenSymKey}) never disagrees with the HSM, and both agree with
 * genSymKey's documented rules as this test writes them down ({@link #expectedProblems}), not with
 * the simulator's own validation: the pre-flight finds exactly the rules a request breaks, its
 * first problem is genSymKey's answer, and what generation leaves behind is read back through the
 * key's attributes and the key list: a key with exactly the requested attributes when there was no
 * problem, no new key at all when there was one.
 */
class PreflightPropertyTest {
    /** genSymKey's key types (reference §3.2, AWS genSymKey page) and their sizes in bytes. */
    private static final Map<Integer, Set<Integer>> FIXED_SIZES = Map.of(21, Set.of(24), 31, Set.of(16, 24, 32));
    private static final Map<Integer, int[]> SIZE_RANGES = Map.of(16, new int[]{1, 3583}, 18, new int[]{1, 256});
    private static final int MAX_NAME = 127;
    private static final int MAX_M_VALUE = 8;
    private static final String TAKEN_ID = "taken";

    private static Path dir;
    private static HsmCluster cluster;
    private static HsmSession session;

    @BeforeAll
    static void open() throws Exception {
        dir = Files.createTempDirectory("hsm-preflight");
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
        session = TestClusters.login(cluster, "example_user");
        assertThat(session.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k").withId(TAKEN_ID)).isSuccess()).isTrue();
    }

    @AfterAll
    static void close() {
        cluster.close();
        TestFiles.deleteTree(dir);
    }

    private static Gen<GenSymKeyRequest> requests() {
        Gen<Integer> type = Gen.of(16, 18, 21, 31, 0, 17);
        Gen<Integer> size = Gen.of(0, 1, 16, 20, 24, 32, 256, 257, 3583, 3584);
        Gen<String> label = Gen.of("aes", "", "has space", "x".repeat(128), "x".repeat(127));
        Gen<String> id = Gen.of("", TAKEN_ID, "free-id", "a b", "y".repeat(128));
        Gen<List<Integer>> users = Gen.of(List.of(), List.of(4), List.of(3), List.of(4, 5), List.of(99), List.of(7),
                List.of(4, 4));
        Gen<Integer> mValue = Gen.between(-1, 9);
        Gen<Integer> minServers = Gen.ofNullable(null, 0, 1, 3, 4);
        Gen<Integer> timeout = Gen.ofNullable(null, -1, 0, 1);
        return r -> GenSymKeyRequest.of(type.next(r), size.next(r), label.next(r)).withId(id.next(r))
                .withNonExtractable(r.nextBoolean()).withSession(r.nextBoolean()).withShareWith(users.next(r))
                .withMValue(mValue.next(r)).withMinServers(minServers.next(r)).withTimeoutSeconds(timeout.next(r));
    }

    @Test
    void preflightAndGenerationFollowTheDocumentedRules() {
        Gen<GenSymKeyRequest> requests = requests();
        Trials.run(300, random -> {
            GenSymKeyRequest r = requests.next(random);
            Set<ReturnCode> expected = expectedProblems(r);
            List<ReturnCode> problems = session.checkGenSymKey(r);
            assertThat(problems).as("the pre-flight's problems with %s", r).doesNotHaveDuplicates();
            assertThat(Set.copyOf(problems)).as("the pre-flight's problems with %s", r).isEqualTo(expected);
            Set<Long> before = allKeys();
            HsmResult<GeneratedKey> result = session.generateSymmetricKey(r);
            Set<Long> made = allKeys();
            made.removeAll(before);
            if (expected.isEmpty()) {
                assertThat(result.code()).as("genSymKey's answer to %s", r).isEqualTo(ReturnCode.SUCCESS);
                assertThat(made).as("the keys genSymKey made for %s", r).containsExactly(result.value().handle());
                assertMadeAsAsked(result.value().handle(), r);
                // Keep the cluster as it was, so "taken" stays the only ID in use.
                assertThat(session.deleteKey(result.value().handle()).isSuccess()).isTrue();
            } else {
                assertThat(result.code()).as("genSymKey's answer to %s", r).isEqualTo(problems.get(0));
                assertThat(made).as("keys made for the refused %s", r).isEmpty();
            }
        });
    }

    /** Every genSymKey rule that {@code r} breaks, from the documented rules and the cluster's users. */
    private static Set<ReturnCode> expectedProblems(GenSymKeyRequest r) {
        Set<ReturnCode> found = EnumSet.noneOf(ReturnCode.class);
        boolean knownType = FIXED_SIZES.containsKey(r.keyTypeCode()) || SIZE_RANGES.containsKey(r.keyTypeCode());
        if (!knownType) {
            found.add(ReturnCode.INVALID_KEY_TYPE);
        } else if (cluster.hsmType().fips() && (r.keyTypeCode() == 18 || r.keyTypeCode() == 21)) {
            found.add(ReturnCode.POLICY_VIOLATION);
        } else if (!sizeFits(r.keyTypeCode(), r.sizeBytes())) {
            found.add(ReturnCode.INVALID_KEY_SIZE);
        }
        if (r.label().isEmpty() || r.label().length() > MAX_NAME || r.label().contains(" ")) {
            found.add(ReturnCode.INVALID_LABEL);
        }
        if (r.id().length() > MAX_NAME) {
            found.add(ReturnCode.INVALID_KEY_ID);
        }
        if (r.timeoutSeconds() != null && r.minServers() == null) {
            found.add(ReturnCode.TIMEOUT_NEEDS_MIN_SRV);
        }
        if (r.minServers() != null && (r.minServers() < 1 || r.minServers() > cluster.nodes().size())) {
            found.add(ReturnCode.MIN_SRV_INVALID);
        }
        if (r.timeoutSeconds() != null && r.timeoutSeconds() < 0) {
            found.add(ReturnCode.TIMEOUT_INVALID);
        }
        if (r.session() && !r.shareWith().isEmpty()) {
            found.add(ReturnCode.SESSION_KEY_NOT_SHAREABLE);
        }
        if (r.shareWith().contains(session.user().id())) {
            found.add(ReturnCode.SHARE_WITH_OWNER);
        }
        int shares = new HashSet<>(r.shareWith()).size();
        if (r.mValue() < 0 || r.mValue() > MAX_M_VALUE || r.mValue() > 1 + shares) {
            found.add(ReturnCode.M_VALUE_INVALID);
        }
        Set<Integer> cryptoUsers = cluster.users().stream().filter(u -> u.type() == UserType.CU).map(UserInfo::id)
                .collect(Collectors.toSet());
        if (!cryptoUsers.containsAll(r.shareWith())) {
            found.add(ReturnCode.SHARE_USER_INVALID);
        }
        if (r.id().equals(TAKEN_ID)) {
            found.add(ReturnCode.DUPLICATE_KEY_ID);
        }
        return found;
    }

    private static boolean sizeFits(int type, int size) {
        if (FIXED_SIZES.containsKey(type)) {
            return FIXED_SIZES.get(type).contains(size);
        }
        int[] range = SIZE_RANGES.get(type);
        return size >= range[0] && size <= range[1];
    }

    /** The key as the HSM reports it: type, size, label, ID, token or session, extractable, sharing. */
    private static void assertMadeAsAsked(long handle, GenSymKeyRequest r) {
        KeyAttributes a = session.attributes(handle).value();
        assertThat(a.get(Attribute.KEY_TYPE).orElseThrow().number()).as("key type of %s", r).isEqualTo(r.keyTypeCode());
        assertThat(a.get(Attribute.VALUE_LEN).orElseThrow().number()).as("size of %s", r).isEqualTo(r.sizeBytes());
        assertThat(a.get(Attribute.LABEL).orElseThrow().text()).as("label of %s", r).isEqualTo(r.label());
        assertThat(a.get(Attribute.ID).orElseThrow().text()).as("ID of %s", r).isEqualTo(r.id());
        assertThat(a.get(Attribute.TOKEN).orElseThrow().isTrue()).as("token flag of %s", r).isEqualTo(!r.session());
        assertThat(a.get(Attribute.EXTRACTABLE).orElseThrow().isTrue()).as("extractable flag of %s", r)
                .isEqualTo(!r.nonExtractable());
        KeyInfo info = session.keyInfo(handle).value();
        assertThat(Set.copyOf(info.sharedWith())).as("users %s is shared with", r).isEqualTo(Set.copyOf(r.shareWith()));
        assertThat(info.mValue()).as("m_value of %s", r).isEqualTo(r.mValue());
    }

    private static Set<Long> allKeys() {
        return new HashSet<>(session.findKeys(KeyQuery.all()).value());
    }
}
