package io.hsmconsole.reliability;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, case 4, as it was reported: the data folder on a 2 MiB tmpfs, genSymKey until the disk
 * is full. The write-ahead log fills the disk first; closing, SQLite's checkpoint then writes the
 * store's header and fails to grow the file, which stays shorter than its header says while the log
 * holds the rest. Before the fix every later run refused the store as "truncated", even with room
 * again. Now: a run right after it reads the store or says the disk is full; once space is freed, keys are made again; every
 * acknowledged key is there and SQLite finds the store sound.
 * <p>
 * {@link FullDiskIT} simulates a full disk with a file-size limit, which limits each file alone and
 * so never makes a checkpoint fail: this needs a real small file system. It mounts a tmpfs, which
 * takes root (CI runs as root); it fails, and says why, where it cannot.
 */
class FullTmpfsIT {
    @TempDir
    Path temp;

    @Test
    void aCheckpointCutShortByAFullDiskLosesNothingAndTheStoreOpensAgain() throws Exception {
        Path mount = Files.createDirectories(temp.resolve("tmpfs"));
        run(List.of("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()),
                "this test mounts a 2 MiB tmpfs: it needs root (CAP_SYS_ADMIN)");
        try {
            Path data = Files.createDirectories(mount.resolve("data"));
            new ClusterCatalog(new SqliteBackend(), new DataDirectory(data), HsmClock.SYSTEM)
                    .createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo()).close();
            Path filler = mount.resolve("filler");
            Files.write(filler, new byte[256 * 1024]); // freed later: "after space is freed"

            Map<String, KeyOrder> orders = new HashMap<>();
            List<String> lines = new ArrayList<>(List.of("loginHSM -u CU -s example_user -p example_pwd"));
            for (int i = 0; i < 5_000; i++) {
                KeyOrder o = new KeyOrder("full-" + i, 31, 32, "", false, false, List.of(), 0, null, null);
                orders.put(o.label(), o);
                lines.add(o.kmuLine());
            }
            Path script = temp.resolve("keys.txt");
            Files.write(script, lines);
            String filling = kmu(data, List.of(), script);
            List<Acknowledged> acknowledged = KillTrial.parse(filling, orders);
            assertThat(acknowledged).as("keys made before the disk filled up; output ends:\n%s",
                    filling.substring(Math.max(0, filling.length() - 3000))).hasSizeGreaterThan(3);
            assertThat(filling).as("the run stopped on the full disk").containsPattern("SQLITE_FULL|disk");
            Path db = data.resolve("clusters").resolve(ClusterCatalog.DEMO_CLUSTER).resolve("cluster.db");
            System.out.printf("full tmpfs: %d keys acknowledged; left cluster.db %d bytes, cluster.db-wal %d bytes%n",
                    acknowledged.size(), Files.size(db), Files.exists(db.resolveSibling("cluster.db-wal"))
                            ? Files.size(db.resolveSibling("cluster.db-wal")) : -1);

            String stillFull = kmu(data, List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user", "-p",
                    "example_pwd", "findKey", "-l", "full-0"), null);
            // Whether the login's audit record fits on the still-full disk depends on whether the closing
            // checkpoint could finish (then the log restarts in place) or not (then it must grow): since the
            // key change log (schema 9) the store is a page larger and the log may have to grow. Either way
            // the answer is the store read or a clear "disk is full", never the old "truncated" refusal.
            assertThat(stillFull).as("a run on the still-full disk").doesNotContain("truncated")
                    .containsAnyOf("Total number of keys present 1", "database or disk is full");

            Files.delete(filler);
            String read = kmu(data, List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user", "-p",
                    "example_pwd", "findKey", "-l", "full-0"), null);
            assertThat(read).as("a read with room again").contains("Total number of keys present 1");
            String again = kmu(data, List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user", "-p",
                    "example_pwd", "genSymKey", "-l", "after", "-t", "31", "-s", "32"), null);
            assertThat(again).as("with room again").doesNotContain("truncated").contains("Key Handle");
            assertThat(AfterCrash.check(data, acknowledged, "example_user", "example_pwd".toCharArray()))
                    .as("keys nobody was told about").containsOnly("after");
        } finally {
            run(List.of("umount", "-l", mount.toString()), "cannot unmount the test's tmpfs");
        }
    }

    /** Runs key_mgmt_util with the arguments, reading {@code input} (a script, as a pipe feeds it) if given. */
    private String kmu(Path data, List<String> args, Path input) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("bin", "key_mgmt_util").toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
        pb.environment().put("HSM_CONSOLE_DATA", data.toString());
        pb.environment().remove("HSM_CONSOLE_CLUSTER");
        if (input != null) {
            pb.redirectInput(input.toFile());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static void run(List<String> command, String why) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(why + ": `" + String.join(" ", command) + "` failed: " + output);
        }
    }
}
