package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.NodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cluster whose creation fails leaves nothing behind: not even its folder, so the name stays free. */
class FailedCreateTest {
    @TempDir
    Path clusters;

    private static final ClusterRecord CLUSTER = new ClusterRecord("broken", "hsm1.medium", 1000, 0);
    private static final List<NodeRecord> NODES = List.of(new NodeRecord(1, true, 0, "3.4.0", new byte[32]));

    @Test
    void aFailedSeedLeavesNoFolderBehind() {
        Path dir = clusters.resolve("broken");

        assertThatThrownBy(() -> SqliteClusterStore.create(dir, CLUSTER, NODES, tx -> {
            throw new IllegalStateException("seed failed");
        }, new SecureRandom())).hasMessage("seed failed");

        assertThat(dir).doesNotExist();
        assertThat(clusters).isEmptyDirectory();
    }

    @Test
    void aFolderThatWasThereBeforeIsKeptWithWhatElseItHolds() throws Exception {
        Path dir = Files.createDirectories(clusters.resolve("broken"));
        Files.writeString(dir.resolve("notes.txt"), "someone else's file");

        assertThatThrownBy(() -> SqliteClusterStore.create(dir, CLUSTER, NODES, tx -> {
            throw new IllegalStateException("seed failed");
        }, new SecureRandom())).hasMessage("seed failed");

        assertThat(dir).isDirectory();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }
}
