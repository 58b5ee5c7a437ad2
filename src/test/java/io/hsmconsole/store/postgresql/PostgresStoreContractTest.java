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

    private PostgresUrl url;

    @Override
    protected StoreBackend backend() {
        url = PostgresServer.get().newDatabase();
        return new PostgresBackend(url);
    }

    /** The folders, and the cluster's schema on the server. */
    @Override
    protected void removeCluster(Path clusterDirA, Path clusterDirB) throws Exception {
        super.removeCluster(clusterDirA, clusterDirB);
        try (java.sql.Connection c = url.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + PostgresSchema.quoted(PostgresSchema.schemaName(clusterDirA.getFileName().toString()))
                    + " CASCADE");
        }
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
