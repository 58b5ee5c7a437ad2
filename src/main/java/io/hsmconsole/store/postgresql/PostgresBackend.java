package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.OwnedPaths;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.StoreCheck;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.sealing.MasterKeyFile;
import io.hsmconsole.store.sealing.MaterialCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Clusters kept on one PostgreSQL server (team mode): each cluster is a schema in the server's
 * database, which every machine pointed at the same URL shares. The master key that seals key
 * material never goes to the server: each machine holds it in its own cluster folder
 * ({@code master.key}, owner-only, as on SQLite) — the machine that creates the cluster makes it,
 * the others get a copy from a team member. A wrong key is refused at open (the cluster row holds a
 * value sealed under the right one).
 */
public final class PostgresBackend implements StoreBackend {
    private static final byte[] SEALING_CHECK_AAD = "hsm-console sealing check".getBytes(StandardCharsets.UTF_8);

    private static final String KEY_IN_THE_WAY = "a master key is already in this cluster folder; a new cluster gets a"
            + " new one, so remove it (or the folder) first. It was left untouched";

    private final PostgresUrl url;

    public PostgresBackend(PostgresUrl url) {
        this.url = url;
    }

    public PostgresUrl url() {
        return url;
    }

    /** True when the server holds this cluster (whether or not this machine has its master key). */
    @Override
    public boolean exists(Path clusterDir) {
        String schema = PostgresSchema.schemaName(clusterName(clusterDir));
        return schema != null && onServer(clusterDir, c -> PostgresSchema.version(c, schema) >= 0);
    }

    @Override
    public ClusterStore open(Path clusterDir, SecureRandom random) {
        String schema = schema(clusterDir);
        int version = onServer(clusterDir, c -> PostgresSchema.version(c, schema));
        if (version >= 0 && version < PostgresSchema.currentVersion()) {
            version = onServer(clusterDir, c -> {
                PostgresSchema.upgrade(c, schema);
                return PostgresSchema.version(c, schema);
            });
        }
        if (version < 0) {
            throw new StoreException(clusterDir, noCluster(clusterDir));
        }
        if (version != PostgresSchema.currentVersion()) {
            throw new StoreException(clusterDir, otherSchema(clusterDir, version));
        }
        byte[] masterKey = loadMasterKey(clusterDir);
        PostgresDatabase db = new PostgresDatabase(url, schema, clusterDir, new MaterialCipher(masterKey, random));
        try {
            byte[] check = db.read(c -> new PostgresReads(db).sealingCheck(c));
            try {
                db.cipher().decrypt(SEALING_CHECK_AAD, check);
            } catch (InvalidCipherTextException e) {
                throw new StoreException(clusterDir.resolve(MasterKeyFile.FILE_NAME), "this master.key is not the key"
                        + " of the cluster '" + clusterName(clusterDir) + "' on " + url + "; nothing was changed");
            }
            return new PostgresClusterStore(db, check);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Creates the cluster's schema, tables, cluster row, nodes and seed in one transaction (DDL is
     * transactional on PostgreSQL), after writing this machine's new master key; a failure removes
     * the key again and leaves nothing on the server.
     */
    @Override
    public ClusterStore create(Path clusterDir, ClusterRecord cluster, List<NodeRecord> nodes, ClusterStore.Work<?> seed,
                               SecureRandom random) {
        String schema = schema(clusterDir);
        Path keyFile = clusterDir.resolve(MasterKeyFile.FILE_NAME);
        OwnedPaths.requireOwnFolder(clusterDir);
        if (Files.exists(keyFile)) {
            throw new StoreException(keyFile, KEY_IN_THE_WAY);
        }
        try {
            OwnerOnly.createDirectories(clusterDir);
        } catch (IOException e) {
            throw new StoreException(clusterDir, "cannot create the cluster folder", e);
        }
        OwnedPaths.requireOwnFolder(clusterDir);
        byte[] masterKey = MasterKeyFile.create(clusterDir, random);
        try {
            MaterialCipher cipher = new MaterialCipher(masterKey, random);
            PostgresDatabase building = new PostgresDatabase(url, null, clusterDir, cipher);
            try (building) {
                building.create(c -> {
                    PostgresSchema.create(c, schema);
                    PostgresTransaction tx = new PostgresTransaction(building, new PostgresReads(building), c, null);
                    tx.insertCluster(cluster, cipher.encrypt(SEALING_CHECK_AAD, new byte[32]));
                    nodes.forEach(tx::upsertNode);
                    seed.run(tx);
                    tx.flush();
                    return null;
                });
            }
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(keyFile);
            } catch (IOException notRemoved) {
                e.addSuppressed(notRemoved);
            }
            throw e;
        }
        return open(clusterDir, random);
    }

    /** Two backends on the same server, database and account keep the same clusters. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresBackend other && other.url.equals(url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    /**
     * Asks the server with one short connection of its own: its login, its database, the cluster's
     * schema and version; then whether this machine holds the cluster's master key. Each refusal keeps
     * the server's reason ({@link ServerFailure#reason}); the sentences are those {@link #open} throws.
     */
    @Override
    public StoreCheck check(Path clusterDir) {
        String schema = PostgresSchema.schemaName(clusterName(clusterDir));
        if (schema == null) {
            return new StoreCheck(StoreCheck.Verdict.INVALID_SETTING, tooLong());
        }
        int version;
        try (Connection c = url.connect()) {
            version = PostgresSchema.version(c, schema);
        } catch (SQLException e) {
            return ServerRefusal.of(url, e);
        }
        Path keyFile = clusterDir.resolve(MasterKeyFile.FILE_NAME);
        if (version < 0) {
            return Files.exists(keyFile) ? new StoreCheck(StoreCheck.Verdict.KEY_IN_THE_WAY, noCluster(clusterDir) + ", and "
                    + KEY_IN_THE_WAY + " (" + keyFile + ")") : new StoreCheck(StoreCheck.Verdict.NO_CLUSTER, noCluster(clusterDir));
        }
        if (version > PostgresSchema.currentVersion()) {
            return new StoreCheck(StoreCheck.Verdict.NEWER_SCHEMA, otherSchema(clusterDir, version));
        }
        if (!Files.exists(keyFile)) {
            return new StoreCheck(StoreCheck.Verdict.NO_MASTER_KEY, noMasterKey(clusterDir) + " (" + keyFile + ")");
        }
        return new StoreCheck(StoreCheck.Verdict.READY, "the PostgreSQL server " + url + " holds the cluster '"
                + clusterName(clusterDir) + "'" + (version < PostgresSchema.currentVersion()
                ? " (schema version " + version + ", brought to " + PostgresSchema.currentVersion() + " when opened)" : ""));
    }

    private String noCluster(Path clusterDir) {
        return "the PostgreSQL server " + url + " has no cluster named '" + clusterName(clusterDir) + "'";
    }

    private String otherSchema(Path clusterDir, int version) {
        return "the cluster '" + clusterName(clusterDir) + "' on " + url + " has schema version " + version
                + ", this version knows " + PostgresSchema.currentVersion() + "; it was left untouched";
    }

    private String noMasterKey(Path clusterDir) {
        return "this machine has no master key for the cluster '" + clusterName(clusterDir) + "' on " + url
                + ": the key material is sealed under the key the creating machine made. Copy master.key from a team"
                + " member's cluster folder to this path (owner-only: chmod 600)";
    }

    private static String tooLong() {
        return "on PostgreSQL a cluster name has at most "
                + (PostgresSchema.MAX_IDENTIFIER - PostgresSchema.schemaName("").length()) + " characters";
    }

    private static String clusterName(Path clusterDir) {
        return clusterDir.getFileName().toString();
    }

    private String schema(Path clusterDir) {
        String schema = PostgresSchema.schemaName(clusterName(clusterDir));
        if (schema == null) {
            throw new StoreException(clusterDir, tooLong());
        }
        return schema;
    }

    private byte[] loadMasterKey(Path clusterDir) {
        Path keyFile = clusterDir.resolve(MasterKeyFile.FILE_NAME);
        if (!Files.exists(keyFile)) {
            throw new StoreException(keyFile, noMasterKey(clusterDir));
        }
        OwnedPaths.requireOwnFolder(clusterDir);
        OwnedPaths.requirePrivateFile(keyFile, "the cluster master key");
        return MasterKeyFile.load(clusterDir);
    }

    @FunctionalInterface
    private interface ServerQuestion<T> {
        T ask(Connection c) throws SQLException;
    }

    /** One short connection, for questions asked before a cluster's pool exists. */
    private <T> T onServer(Path clusterDir, ServerQuestion<T> question) {
        try (Connection c = url.connect()) {
            return question.ask(c);
        } catch (SQLException e) {
            throw new StoreException(clusterDir, "cannot reach the cluster store on the PostgreSQL server " + url, e);
        }
    }
}
