package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.StoreContract;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store contract on a real PostgreSQL server ({@link PostgresServer}, a fresh database per
 * test): two "machines" are two data folders pointed at the same server, the second given a copy of
 * the master key, as a team member would be.
 */
class PostgresStoreContractTest extends StoreContract {

    @Override
    protected StoreBackend backend() {
        return new PostgresBackend(PostgresServer.get().newDatabase());
    }

    @Override
    protected boolean sharesOneFolder() {
        return false;
    }

    @Override
    protected void joinTeam(Path clusterDirA, Path clusterDirB) throws Exception {
        OwnerOnly.createDirectories(clusterDirB);
        OwnerOnly.writeWhole(clusterDirB.resolve("master.key"), Files.readAllBytes(clusterDirA.resolve("master.key")));
    }
}
