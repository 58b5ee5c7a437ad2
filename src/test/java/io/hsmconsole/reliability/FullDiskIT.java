package io.hsmconsole.reliability;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.FileSnapshot;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, damaged input: a full disk, simulated without root with a file-size limit
 * ({@code ulimit -f}, RLIMIT_FSIZE: a write past the limit fails with EFBIG as a full disk fails
 * with ENOSPC, and unlike permissions it binds root too; the JVM ignores the SIGXFSZ that comes
 * with it). key_mgmt_util generates keys until SQLite can no longer write its WAL. Expected: one
 * clear error naming the store file and no stack trace; every key acknowledged before it is there;
 * the failed command left nothing (no key, no stray file); master.key untouched; SQLite finds the
 * store sound; and once there is room again the cluster simply goes on.
 */
class FullDiskIT {
    private static final long ROOM_BYTES = 384 * 1024;

    @TempDir
    Path temp;

    @Test
    void aFullDiskStopsTheToolWithOneLineAndLosesNothing() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(data), HsmClock.SYSTEM);
        try (HsmCluster cluster = catalog.createDemo(ClusterCatalog.DEMO_CLUSTER,
                ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0))) {
            HsmSession s = TestClusters.login(cluster, "alice"); // keys of someone else, so the store has some size
            for (int i = 0; i < 20; i++) {
                s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "before-" + i));
            }
            s.close();
        }
        Path clusterDir = data.resolve("clusters").resolve(ClusterCatalog.DEMO_CLUSTER);
        Path db = clusterDir.resolve("cluster.db");
        String masterKey = FileSnapshot.sha256(clusterDir.resolve("master.key"));
        long limitKiB = (Files.size(db) + ROOM_BYTES) / 1024;

        Map<String, KeyOrder> orders = new HashMap<>();
        List<String> lines = new ArrayList<>(List.of("loginHSM -u CU -s example_user -p example_pwd"));
        for (int i = 0; i < 5_000; i++) {
            KeyOrder o = new KeyOrder("full-" + i, 31, 32, i % 3 == 0 ? "full-id-" + i : "", false, false, List.of(), 0,
                    null, null);
            orders.put(o.label(), o);
            lines.add(o.kmuLine());
        }
        Path script = temp.resolve("keys.txt");
        Files.write(script, lines);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "ulimit -f " + limitKiB + " && exec \"$0\" < \"$1\"",
                Path.of("bin", "key_mgmt_util").toAbsolutePath().toString(), script.toString())
                .directory(temp.toFile()).redirectErrorStream(true);
        pb.environment().put("HSM_CONSOLE_DATA", data.toString());
        pb.environment().put("HSM_CONSOLE_CDS", "off"); // the launcher's class-data archive is not written under the limit
        pb.environment().remove("HSM_CONSOLE_CLUSTER");
        Process kmu = pb.start();
        String output = new String(kmu.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(kmu.waitFor()).as("exit status; output ends:\n%s", tail(output)).isEqualTo(1);

        List<Acknowledged> acknowledged = KillTrial.parse(output, orders);
        assertThat(acknowledged).as("keys made before the disk filled up").hasSizeGreaterThan(3);
        assertThat(acknowledged.size()).as("the disk filled up before the script ended").isLessThan(5_000);
        // The session survives a store fault (shell/StoreFaults): each command that needs the full disk fails
        // with the store's one-line reason, and the first one names the write that did not fit.
        String first = output.lines().map(String::strip).filter(l -> l.startsWith("Error: ")).findFirst().orElse("");
        assertThat(first).as("the first store fault, in:\n%s", tail(output)).contains(db.toString())
                .containsPattern("not committed|cannot (write|save)").containsPattern("SQLITE_(FULL|IOERR)|disk");
        assertThat(output).doesNotContain("Exception").doesNotContainPattern("(?m)^\\s+at [a-z]");

        assertThat(FileSnapshot.sha256(clusterDir.resolve("master.key"))).isEqualTo(masterKey);
        assertThat(AfterCrash.check(data, acknowledged, "example_user", "example_pwd".toCharArray()))
                .as("keys nobody was told about (a half-made key)").isEmpty();
        try (Stream<Path> files = Files.list(clusterDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.equals("cluster.db") || n.equals("master.key") || n.equals("cluster.db-wal")
                            || n.equals("cluster.db-shm"));
        }
        try (HsmCluster cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER)) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "after")).isSuccess())
                    .as("with room again, the cluster goes on").isTrue();
            s.close();
        }
        System.out.printf("full disk: %d keys acknowledged before the write that did not fit; first fault: %s%n",
                acknowledged.size(), first);
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 3000));
    }
}
