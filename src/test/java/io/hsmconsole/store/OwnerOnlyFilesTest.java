package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Product spec §2.8: what the store creates is owner-only, files 0600 and folders 0700 (POSIX only). */
class OwnerOnlyFilesTest {
    @TempDir
    Path dataDir;

    @Test
    void everythingUnderTheClustersFolderIsOwnerOnlyWhileOpenAndAfterClose() {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        ClusterCatalog catalog = TestClusters.catalog(dataDir, new ManualClock(TestClusters.START));
        Path clusters = dataDir.resolve("clusters");
        try (HsmCluster cluster = catalog.createDemo("lab", ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0))) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "k")).isSuccess()).isTrue();
            Map<String, String> whileOpen = permissions(clusters);
            assertThat(whileOpen).as("the WAL files exist while the store is open")
                    .containsKeys("lab/cluster.db-wal", "lab/cluster.db-shm");
            assertOwnerOnly(whileOpen);
        }
        Map<String, String> afterClose = permissions(clusters);
        assertThat(afterClose).containsKeys("/", "lab/", "lab/cluster.db", "lab/master.key");
        assertOwnerOnly(afterClose);
    }

    private static void assertOwnerOnly(Map<String, String> permissions) {
        permissions.forEach((path, perms) -> assertThat(perms).as(path)
                .isEqualTo(path.endsWith("/") ? "rwx------" : "rw-------"));
    }

    /** Permissions of the folder and everything in it, by relative path (folders end with '/'). */
    private static Map<String, String> permissions(Path root) {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                String name = root.relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
                result.put(name, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
