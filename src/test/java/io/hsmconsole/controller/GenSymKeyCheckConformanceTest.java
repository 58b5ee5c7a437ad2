package io.hsmconsole.controller;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form's pre-flight must agree with the simulator: for any request, its first problem is the
 * code the simulator answers, and no problem means the simulator generates the key. This is what
 * keeps {@link GenSymKeyCheck} from drifting away from the HSM's rules.
 */
class GenSymKeyCheckConformanceTest {
    private static Path dir;
    private static HsmCluster nonFips;
    private static HsmCluster fips;
    private static HsmSession nonFipsSession;
    private static HsmSession fipsSession;
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @BeforeContainer
    static void openClusters() throws IOException {
        dir = Files.createTempDirectory("gensymkey-conformance");
        ClusterCatalog catalog = TestClusters.catalog(dir, new ManualClock(TestClusters.START));
        nonFips = catalog.createDemo("plain", new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), 100_000));
        fips = catalog.createDemo("fips", new ClusterOptions(HsmType.HSM1_MEDIUM, List.of(0L, 0L), 100_000));
        nonFipsSession = TestClusters.login(nonFips, "example_user");
        fipsSession = TestClusters.login(fips, "example_user");
    }

    @AfterContainer
    static void closeClusters() {
        nonFips.close();
        fips.close();
    }

    @Property(tries = 600)
    void theFirstProblemIsWhatTheSimulatorAnswers(@ForAll("requests") GenSymKeyRequest request,
                                                  @ForAll boolean onFips) {
        HsmCluster cluster = onFips ? fips : nonFips;
        HsmSession session = onFips ? fipsSession : nonFipsSession;
        GenSymKeyContext ctx = new GenSymKeyContext(cluster.nodes().size(), cluster.hsmType(), 3, Set.of(3, 4, 5, 6));
        List<GenSymKeyProblem> problems = GenSymKeyCheck.problems(request, ctx);

        HsmResult<GeneratedKey> result = session.generateSymmetricKey(request);

        ReturnCode expected = problems.isEmpty() ? ReturnCode.SUCCESS : problems.get(0).code();
        assertThat(result.code()).as("%s -> %s", request, problems).isEqualTo(expected);
    }

    /** Valid requests with zero to two targeted mistakes, so every rule is met alone and in pairs. */
    @Provide
    Arbitrary<GenSymKeyRequest> requests() {
        Arbitrary<GenSymKeyRequest> valid = Combinators.combine(
                Arbitraries.of(new int[]{31, 16}, new int[]{31, 24}, new int[]{31, 32}, new int[]{21, 24},
                        new int[]{16, 1}, new int[]{16, 3583}, new int[]{18, 256}),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.of(true, false),
                Arbitraries.subsetOf(4, 5, 6),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 2),
                Arbitraries.of(true, false)
        ).as((ts, label, withId, shares, m, nex, minSrv, withMin) -> new GenSymKeyRequest(ts[0], ts[1], label,
                withId ? "id-" + UNIQUE.incrementAndGet() : "", nex, false, List.copyOf(shares),
                Math.min(m, 1 + shares.size()), withMin ? minSrv : null, withMin ? 1 : null, false));
        Arbitrary<java.util.function.UnaryOperator<GenSymKeyRequest>> mistake = Arbitraries.of(
                r -> r.withMValue(2 + r.shareWith().size()),
                r -> r.withMValue(9),
                r -> r.withMValue(-1),
                r -> r.withMinServers(null),
                r -> r.withMinServers(3).withTimeoutSeconds(null),
                r -> r.withMinServers(0),
                r -> r.withTimeoutSeconds(-1).withMinServers(1),
                r -> r.withSession(true),
                r -> r.withSession(true).withShareWith(List.of()).withMValue(0),
                r -> r.withShareWith(List.of(3)),
                r -> r.withShareWith(List.of(7)),
                r -> r.withShareWith(List.of(99)),
                r -> r.withShareWith(List.of(4, 4)).withMValue(2),
                r -> r.withAttest(true),
                r -> r.withId("has space"),
                r -> r.withId("x".repeat(128)),
                r -> new GenSymKeyRequest(r.keyTypeCode(), r.sizeBytes(), "", r.id(), r.nonExtractable(), r.session(),
                        r.shareWith(), r.mValue(), r.minServers(), r.timeoutSeconds(), r.attest()),
                r -> new GenSymKeyRequest(r.keyTypeCode(), r.sizeBytes(), "a b", r.id(), r.nonExtractable(),
                        r.session(), r.shareWith(), r.mValue(), r.minServers(), r.timeoutSeconds(), r.attest()),
                r -> new GenSymKeyRequest(31, 20, r.label(), r.id(), r.nonExtractable(), r.session(), r.shareWith(),
                        r.mValue(), r.minServers(), r.timeoutSeconds(), r.attest()),
                r -> new GenSymKeyRequest(21, 16, r.label(), r.id(), r.nonExtractable(), r.session(), r.shareWith(),
                        r.mValue(), r.minServers(), r.timeoutSeconds(), r.attest()),
                r -> new GenSymKeyRequest(16, 3584, r.label(), r.id(), r.nonExtractable(), r.session(), r.shareWith(),
                        r.mValue(), r.minServers(), r.timeoutSeconds(), r.attest()),
                r -> new GenSymKeyRequest(18, 0, r.label(), r.id(), r.nonExtractable(), r.session(), r.shareWith(),
                        r.mValue(), r.minServers(), r.timeoutSeconds(), r.attest()),
                r -> new GenSymKeyRequest(19, 24, r.label(), r.id(), r.nonExtractable(), r.session(), r.shareWith(),
                        r.mValue(), r.minServers(), r.timeoutSeconds(), r.attest()));
        return Combinators.combine(valid, mistake.list().ofMaxSize(2))
                .as((r, mistakes) -> {
                    GenSymKeyRequest out = r;
                    for (var m : mistakes) {
                        out = m.apply(out);
                    }
                    return out;
                });
    }
}
