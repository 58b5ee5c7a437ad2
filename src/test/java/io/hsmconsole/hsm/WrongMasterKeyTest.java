package io.hsmconsole.hsm;

import io.hsmconsole.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WrongMasterKeyTest {
    @TempDir
    Path dir;

    @Test
    void aMasterKeyOfAnotherClusterIsRefusedAtOpenAndNothingChanges() throws Exception {
        ManualClock clock = new ManualClock(TestClusters.START);
        TestClusters.demo(dir.resolve("a"), clock).close();
        TestClusters.demo(dir.resolve("b"), clock).close();
        Path keyA = dir.resolve("a/clusters/demo/master.key");
        Files.copy(dir.resolve("b/clusters/demo/master.key"), keyA, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] before = Files.readAllBytes(dir.resolve("a/clusters/demo/cluster.db"));
        assertThatThrownBy(() -> TestClusters.catalog(dir.resolve("a"), clock).open("demo"))
                .isInstanceOf(StoreException.class).hasMessageContaining("master.key does not belong")
                .hasMessageContaining(keyA.toString());
        assertThat(Files.readAllBytes(dir.resolve("a/clusters/demo/cluster.db"))).isEqualTo(before);
        assertThat(dir.resolve("a/clusters/demo/cluster.db-wal")).doesNotExist();
    }
}
