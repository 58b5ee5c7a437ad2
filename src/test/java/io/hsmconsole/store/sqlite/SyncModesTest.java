package io.hsmconsole.store.sqlite;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
        store = ScratchStores.create(clusterDir, "sync", List.of(ScratchStores.node(1, true, 0)), "cu");
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
