package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.StoreContract;

import java.nio.file.Path;

/** The store contract on the embedded SQLite store: two "machines" are two processes' connections to one folder. */
class SqliteStoreContractTest extends StoreContract {

    @Override
    protected StoreBackend backend() {
        return new SqliteBackend();
    }

    @Override
    protected boolean sharesOneFolder() {
        return true;
    }

    @Override
    protected void joinTeam(Path clusterDirA, Path clusterDirB) {
        throw new AssertionError("one folder: nothing to join");
    }
}
