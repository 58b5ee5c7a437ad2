package io.hsmconsole.store.sqlite;

import io.hsmconsole.model.UserType;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.NodeRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which commits sync the disk: a write without sync (audit-only batches, login attempt counts) commits
 * with synchronous NORMAL, and every other write — a key's create among them — with FULL again, also
 * after a write without sync failed. In WAL mode a FULL commit syncs the log up to its own frames, so
 * the records committed without a sync before it are on the disk with it (docs/reliability.md).
 */
class SyncModesTest {
    private static final int NORMAL = 1;
    private static final int FULL = 2;

    @TempDir
    Path clusterDir;
    SqliteClusterStore store;

    @BeforeEach
    void createStore() {
        store = SqliteClusterStore.create(clusterDir, new ClusterRecord("sync", "hsm1.medium", 1000, 0),
                List.of(new NodeRecord(1, true, 0, "3.4.0", new byte[32])), tx -> {
                    tx.insertUser("cu", UserType.CU, null);
                    return null;
                }, new SecureRandom());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void onlyAWriteWithoutSyncCommitsWithoutSyncAndFullIsBackAfterIt() {
        assertThat(store.synchronousMode()).isEqualTo(FULL);
        int withoutSync = store.writeWithoutSync(tx -> store.synchronousMode());
        assertThat(withoutSync).isEqualTo(NORMAL);
        assertThat(store.synchronousMode()).isEqualTo(FULL);
        int plain = store.write(tx -> store.synchronousMode());
        assertThat(plain).isEqualTo(FULL);
        int shared = store.writeShared(tx -> store.synchronousMode());
        assertThat(shared).isEqualTo(FULL);

        assertThatThrownBy(() -> store.writeWithoutSync(tx -> {
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.synchronousMode()).as("after a failed write without sync").isEqualTo(FULL);
    }
}
