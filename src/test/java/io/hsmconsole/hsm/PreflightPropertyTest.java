package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The form's pre-flight never disagrees with the HSM: its first problem is genSymKey's answer. */
class PreflightPropertyTest {
    private static HsmCluster cluster;
    private static HsmSession session;

    @BeforeContainer
    static void open() throws Exception {
        Path dir = Files.createTempDirectory("hsm-preflight");
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
        session = TestClusters.login(cluster, "example_user");
        session.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k").withId("taken"));
    }

    @AfterContainer
    static void close() {
        cluster.close();
    }

    @Provide
    Arbitrary<GenSymKeyRequest> requests() {
        Arbitrary<GenSymKeyRequest> base = Combinators.combine(
                Arbitraries.of(16, 18, 21, 31, 0, 17),
                Arbitraries.of(0, 1, 16, 20, 24, 32, 256, 257, 3583, 3584),
                Arbitraries.of("aes", "", "has space", "x".repeat(128)),
                Arbitraries.of("", "taken", "free-id", "a b"),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.of(List.<Integer>of(), List.of(4), List.of(3), List.of(4, 5), List.of(99), List.of(7)),
                Arbitraries.integers().between(-1, 9))
                .as((t, s, l, id, nex, sess, u, m) -> GenSymKeyRequest.of(t, s, l).withId(id).withNonExtractable(nex)
                        .withSession(sess).withShareWith(u).withMValue(m));
        return Combinators.combine(base, Arbitraries.of((Integer) null, 0, 1, 3, 4), Arbitraries.of((Integer) null, -1, 0, 1))
                .as((r, min, timeout) -> r.withMinServers(min).withTimeoutSeconds(timeout));
    }

    @Property(tries = 300)
    void firstProblemIsTheAnswer(@ForAll("requests") GenSymKeyRequest r) {
        List<ReturnCode> problems = session.checkGenSymKey(r);
        HsmResult<io.hsmconsole.hsm.key.GeneratedKey> result = session.generateSymmetricKey(r);
        assertThat(result.code()).isEqualTo(problems.isEmpty() ? ReturnCode.SUCCESS : problems.get(0));
        if (result.isSuccess()) {
            // Keep the cluster as it was, so "taken" stays the only ID in use.
            session.deleteKey(result.value().handle());
        }
    }
}
