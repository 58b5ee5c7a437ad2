package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 2: two JVMs generating keys into one cluster at the same time get unique handles and lose
 * nothing. The second JVM is started for real and runs {@link KeygenWorker} while this one runs
 * the same steps; both race for the same key IDs.
 */
class TwoProcessKeygenTest {
    private static final int STEPS = 100;
    private static final String CLUSTER = "shared";

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoJvmsGenerateIntoOneClusterWithUniqueHandlesAndNothingLost() throws Exception {
        Path childErr = dataDir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KeygenWorker.class.getName(),
                dataDir.toString(), CLUSTER, "alice", "child", String.valueOf(STEPS))
                .redirectError(childErr.toFile()).start();
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(dataDir), HsmClock.SYSTEM);
        List<String> childLines;
        ByteArrayOutputStream parentOut = new ByteArrayOutputStream();
        OutputStream toChild = child.getOutputStream();
        try {
            catalog.createDemo(CLUSTER, ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0)).close();
            try (HsmCluster cluster = catalog.open(CLUSTER)) {
                say(toChild, KeygenWorker.OPEN);
                HsmSession session = TestClusters.login(cluster, "example_user");
                BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertThat(fromChild.readLine()).as("child's first line; its stderr: %s", stderr(childErr))
                        .isEqualTo(KeygenWorker.READY);
                CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> readAll(fromChild));
                say(toChild, KeygenWorker.GO);
                KeygenWorker.run(session, "parent", STEPS, new PrintStream(parentOut, true, StandardCharsets.UTF_8));
                session.close();
                childLines = rest.get(100, TimeUnit.SECONDS);
            }
        } finally {
            toChild.close(); // a child still waiting for a word gets end-of-input and stops
            if (!child.waitFor(100, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).as("child exit; its stderr: %s", stderr(childErr)).isZero();
        assertThat(childLines).last().isEqualTo(KeygenWorker.DONE);

        Side parent = Side.parse(parentOut.toString(StandardCharsets.UTF_8).lines().toList());
        Side other = Side.parse(childLines);
        assertNoHandleHandedOutTwice(parent, other);
        assertTheProcessesReallyOverlapped(parent, other);
        assertEachSharedIdWentToExactlyOneSide(parent, other);
        assertThat(parent.sessionLive).as("parent's session keys alive before logout").isEqualTo(parent.handles("session"));
        assertThat(other.sessionLive).as("child's session keys alive before logout").isEqualTo(other.handles("session"));
        assertTheStoreHoldsExactlyWhatWasReported(catalog, parent, other);
    }

    private static void assertNoHandleHandedOutTwice(Side a, Side b) {
        List<Long> all = Stream.concat(a.outcomes.stream(), b.outcomes.stream())
                .filter(Outcome::succeeded).map(Outcome::handle).toList();
        assertThat(all).hasSize(2 * (STEPS + (STEPS + 2) / 3) + (STEPS + 1) / 2).doesNotHaveDuplicates();
    }

    /** Both sides' token handles interleave: the test really exercised concurrent writers. */
    private static void assertTheProcessesReallyOverlapped(Side a, Side b) {
        Set<Long> aTokens = a.handles("token");
        Set<Long> bTokens = b.handles("token");
        long aMin = aTokens.stream().mapToLong(h -> h).min().orElseThrow();
        long aMax = aTokens.stream().mapToLong(h -> h).max().orElseThrow();
        long bMin = bTokens.stream().mapToLong(h -> h).min().orElseThrow();
        long bMax = bTokens.stream().mapToLong(h -> h).max().orElseThrow();
        assertThat(aMin < bMax && bMin < aMax).as("handle ranges %d..%d and %d..%d overlap", aMin, aMax, bMin, bMax)
                .isTrue();
    }

    private static void assertEachSharedIdWentToExactlyOneSide(Side a, Side b) {
        Map<String, List<Outcome>> byId = Stream.concat(a.outcomes.stream(), b.outcomes.stream())
                .filter(o -> o.kind.equals("id")).collect(Collectors.groupingBy(Outcome::id));
        assertThat(byId).hasSize((STEPS + 1) / 2);
        byId.forEach((id, attempts) -> {
            assertThat(attempts).as(id).hasSize(2);
            assertThat(attempts.stream().map(Outcome::code))
                    .as("outcomes for %s", id)
                    .containsExactlyInAnyOrder(ReturnCode.SUCCESS.code(), ReturnCode.DUPLICATE_KEY_ID.code());
        });
    }

    private void assertTheStoreHoldsExactlyWhatWasReported(ClusterCatalog catalog, Side parent, Side child) {
        try (HsmCluster cluster = catalog.open(CLUSTER)) {
            Map<Long, KeySummary> parentKeys = ownTokenKeys(cluster, "example_user");
            Map<Long, KeySummary> childKeys = ownTokenKeys(cluster, "alice");
            assertThat(parentKeys.keySet()).isEqualTo(parent.tokenHandles());
            assertThat(childKeys.keySet()).isEqualTo(child.tokenHandles());
            parent.tokenOutcomes().forEach(o -> assertThat(parentKeys.get(o.handle).label()).isEqualTo(o.label));
            child.tokenOutcomes().forEach(o -> assertThat(childKeys.get(o.handle).label()).isEqualTo(o.label));
            assertThat(cluster.info().tokenKeyCount()).isEqualTo(parentKeys.size() + childKeys.size());
            List<String> ids = Stream.concat(parentKeys.values().stream(), childKeys.values().stream())
                    .map(KeySummary::id).filter(id -> !id.isEmpty()).toList();
            assertThat(ids).hasSize((STEPS + 1) / 2).doesNotHaveDuplicates();
        }
    }

    private static Map<Long, KeySummary> ownTokenKeys(HsmCluster cluster, String user) {
        HsmSession s = TestClusters.login(cluster, user);
        try {
            return s.listKeys().value().stream().filter(k -> k.ownerId() == s.user().id())
                    .peek(k -> assertThat(k.token()).as("a fresh login sees no session keys").isTrue())
                    .collect(Collectors.toMap(KeySummary::handle, Function.identity()));
        } finally {
            s.close();
        }
    }

    private static void say(OutputStream toChild, String word) throws IOException {
        toChild.write((word + "\n").getBytes(StandardCharsets.UTF_8));
        toChild.flush();
    }

    private static List<String> readAll(BufferedReader in) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stderr(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(none)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** One line of a worker's report. */
    private record Outcome(String kind, long code, long handle, String label, String id) {
        boolean succeeded() {
            return code == ReturnCode.SUCCESS.code();
        }
    }

    /** What one process reported. */
    private record Side(List<Outcome> outcomes, Set<Long> sessionLive) {
        static Side parse(List<String> lines) {
            List<Outcome> outcomes = new ArrayList<>();
            Set<Long> live = new HashSet<>();
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f[0].equals("session-live")) {
                    if (f.length > 1) {
                        Stream.of(f[1].split(",")).map(Long::valueOf).forEach(live::add);
                    }
                } else if (f.length == 5) {
                    outcomes.add(new Outcome(f[0], Long.decode(f[1]),
                            f[2].equals(KeygenWorker.NONE) ? -1 : Long.parseLong(f[2]), f[3], f[4]));
                }
            }
            return new Side(outcomes, live);
        }

        Set<Long> handles(String kind) {
            return outcomes.stream().filter(o -> o.kind.equals(kind) && o.succeeded()).map(Outcome::handle)
                    .collect(Collectors.toSet());
        }

        /** Token keys this side made: plain ones and those with a shared ID it won. */
        List<Outcome> tokenOutcomes() {
            return outcomes.stream().filter(o -> !o.kind.equals("session") && o.succeeded()).toList();
        }

        Set<Long> tokenHandles() {
            return tokenOutcomes().stream().map(Outcome::handle).collect(Collectors.toSet());
        }
    }
}
