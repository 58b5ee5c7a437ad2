package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeCopyCount;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.OwnedPaths;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.UserRecord;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConfig.Pragma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The SQLite store of one cluster: {@code cluster.db} (WAL mode, synchronous FULL, so an
 * acknowledged write survives a crash) and {@code master.key} in an owner-only folder. One
 * connection per process; write transactions begin IMMEDIATE so that concurrent processes
 * serialise on SQLite's own lock.
 */
public final class SqliteClusterStore implements ClusterStore {
    public static final String DB_FILE = "cluster.db";
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final Path file;
    private final Connection connection;
    private final MaterialCipher cipher;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final SqliteRows rows;
    private final GroupCommit groupCommit = new GroupCommit(this::runBatch);
    private final StoreDamage damage;
    private long localCommits;

    private SqliteClusterStore(Path file, Connection connection, MaterialCipher cipher, StoreDamage damage) {
        this.file = file;
        this.connection = connection;
        this.cipher = cipher;
        this.rows = new SqliteRows(file, cipher);
        this.damage = damage;
    }

    /** True when the folder holds a cluster store (it may still turn out to be damaged). */
    public static boolean exists(Path clusterDir) {
        return Files.exists(clusterDir.resolve(DB_FILE));
    }

    /** Opens an existing store; a damaged, foreign or newer file is reported and never modified. */
    public static SqliteClusterStore open(Path clusterDir, SecureRandom random) {
        Path file = clusterDir.resolve(DB_FILE);
        requireOwnedFolder(clusterDir);
        StoreFileCheck.checkHeader(file);
        requirePrivateMasterKey(clusterDir);
        byte[] masterKey = MasterKeyFile.load(clusterDir);
        if (!Files.isWritable(clusterDir) || !Files.isWritable(file)) {
            throw new StoreException(file, "the cluster store is read-only: its folder " + clusterDir
                    + " is not writable by this user, and SQLite must write cluster.db-wal and cluster.db-shm beside it"
                    + "; copy the folder somewhere writable or fix its permissions. It was left untouched");
        }
        Connection c = connect(file);
        try {
            checkIdentity(file, c);
            configure(c);
            migrateIfOld(file, c);
            SqliteClusterStore store = new SqliteClusterStore(file, c, new MaterialCipher(masterKey, random),
                    StoreDamage.atOpen(file, c));
            store.checkMasterKey(clusterDir);
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException(file, "cannot open the cluster store", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Creates a new store in an empty folder. The database is built under a temporary name and
     * renamed only when complete, so a failure never leaves a half-made cluster behind.
     */
    public static SqliteClusterStore create(Path clusterDir, ClusterRecord cluster, List<NodeRecord> nodes,
                                            Work<?> seed, SecureRandom random) {
        Path file = clusterDir.resolve(DB_FILE);
        if (Files.exists(file)) {
            throw new StoreException(file, "a cluster store already exists here; it was left untouched");
        }
        Path tmp = clusterDir.resolve(DB_FILE + ".creating");
        requireOwnedFolder(clusterDir);
        boolean madeFolder = !Files.isDirectory(clusterDir);
        try {
            OwnerOnly.createDirectories(clusterDir);
        } catch (IOException e) {
            throw new StoreException(file, "cannot create the cluster store", e);
        }
        // Again once it exists: another user may have made the folder between the check and ours.
        requireOwnedFolder(clusterDir);
        try {
            Files.deleteIfExists(tmp);
            byte[] masterKey = MasterKeyFile.create(clusterDir, random);
            Connection c = connect(tmp);
            OwnerOnly.restrictFile(tmp);
            SqliteClusterStore building = new SqliteClusterStore(tmp, c, new MaterialCipher(masterKey, random),
                    StoreDamage.atOpen(tmp, c));
            try (Statement st = c.createStatement()) {
                // The file is built in rollback-journal mode and switched to WAL after the rename.
                st.execute("PRAGMA foreign_keys = ON");
                c.setAutoCommit(false);
                Schema.migrate(c, 0);
                building.insertCluster(cluster);
                for (NodeRecord n : nodes) {
                    building.transaction().upsertNode(n);
                }
                seed.run(building.transaction());
                c.commit();
            } finally {
                closeQuietly(c);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            undoCreate(clusterDir, tmp, madeFolder);
            throw new StoreException(file, "cannot create the cluster store", e);
        } catch (RuntimeException e) {
            undoCreate(clusterDir, tmp, madeFolder);
            throw e;
        }
        return open(clusterDir, random);
    }

    /**
     * The cluster folder and all in it must be ours ({@link OwnedPaths}): another user's folder or file
     * would let them read the master key or plant a file we then write secrets into. The folder is then
     * 0700, so nobody else can add anything to it.
     */
    private static void requireOwnedFolder(Path clusterDir) {
        OwnedPaths.requireOwnFolder(clusterDir);
        OwnedPaths.requireOwnEntries(clusterDir);
    }

    /** Checked after the store's header, so a damaged store is reported as that first. */
    private static void requirePrivateMasterKey(Path clusterDir) {
        OwnedPaths.requirePrivateFile(clusterDir.resolve(MasterKeyFile.FILE_NAME), "the cluster master key");
    }

    /**
     * Opens one sealed value, if the store has any, so that a master.key of another cluster is
     * refused at open instead of failing later on the first key read.
     */
    private void checkMasterKey(Path clusterDir) throws SQLException {
        try (ResultSet rs = prepared("SELECT name, private_key FROM identities WHERE private_key IS NOT NULL LIMIT 1")
                .executeQuery()) {
            if (rs.next()) {
                try {
                    cipher.decrypt(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8), rs.getBytes(2));
                    return;
                } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
                    close();
                    throw new StoreException(clusterDir.resolve(MasterKeyFile.FILE_NAME),
                            "this master.key does not belong to the cluster store beside it; nothing was changed");
                }
            }
        }
        try (ResultSet rs = prepared("SELECT handle, material FROM keys LIMIT 1").executeQuery()) {
            if (rs.next()) {
                try {
                    cipher.decrypt(rs.getLong(1), rs.getBytes(2));
                } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
                    close();
                    throw new StoreException(clusterDir.resolve(MasterKeyFile.FILE_NAME),
                            "this master.key does not belong to the cluster store beside it; nothing was changed");
                }
            }
        }
    }

    /**
     * Opens the store through JDBC's public entry point. (Issue 8 opened the driver's internal
     * {@code JDBC4Connection} directly to skip {@code DriverManager}'s driver scan; measured again for
     * issue 14, that saved nothing a call could see — docs/performance.md, "Start-up fast path" — so the
     * driver is used as documented.) Settings: busy timeout, IMMEDIATE write transactions, no
     * generated-keys query.
     */
    static Connection connect(Path file) {
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file, connectionProperties());
        } catch (SQLException e) {
            throw new StoreException(file, "cannot open the cluster store", e);
        }
    }

    private static Properties connectionProperties() {
        Properties p = new Properties();
        p.setProperty(Pragma.BUSY_TIMEOUT.getPragmaName(), Integer.toString(BUSY_TIMEOUT_MS));
        p.setProperty(Pragma.TRANSACTION_MODE.getPragmaName(), SQLiteConfig.TransactionMode.IMMEDIATE.getValue());
        // The store never asks for generated keys; without this the driver runs an extra
        // SELECT last_insert_rowid() after every INSERT.
        p.setProperty(Pragma.JDBC_GET_GENERATED_KEYS.getPragmaName(), "false");
        return p;
    }

    private static void checkIdentity(Path file, Connection c) throws SQLException {
        int appId = pragmaInt(c, "application_id");
        int version = pragmaInt(c, "user_version");
        if (appId != Schema.APPLICATION_ID) {
            throw StoreFileCheck.notOurs(file, "it is an SQLite database of another program (application id 0x"
                    + Integer.toHexString(appId) + ")");
        }
        if (version > Schema.currentVersion()) {
            throw new StoreException(file, "this cluster store was written by a newer HSM Key Console (schema "
                    + version + "; this version reads up to schema " + Schema.currentVersion()
                    + "); upgrade the application. The file was left untouched");
        }
    }

    private static void configure(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = FULL");
            st.execute("PRAGMA foreign_keys = ON");
            // Checks each page's cells as it is read: a corrupt page is found (SQLITE_CORRUPT) before a
            // write builds on it, so damage does not spread.
            st.execute("PRAGMA cell_size_check = ON");
        }
    }

    private static void migrateIfOld(Path file, Connection c) throws SQLException {
        int version = pragmaInt(c, "user_version");
        if (version == Schema.currentVersion()) {
            return;
        }
        c.setAutoCommit(false);
        try {
            Schema.migrate(c, version);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migrating " + file + " from schema " + version + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Override
    public Path location() {
        return file;
    }

    @Override
    public synchronized ClusterRecord cluster() {
        return query(() -> selectCluster());
    }

    @Override
    public synchronized List<NodeRecord> nodes() {
        return query(() -> rows.nodes(prepared("SELECT id, online, latency_ms, firmware_version,"
                + " firmware_measurement FROM nodes ORDER BY id")));
    }

    @Override
    public synchronized List<UserRecord> users() {
        return query(this::selectUsers);
    }

    @Override
    public synchronized Optional<UserRecord> userByName(String name) {
        return query(() -> selectUserByName(name));
    }

    @Override
    public synchronized Optional<UserRecord> userById(int id) {
        return query(() -> selectUserById(id));
    }

    @Override
    public synchronized Optional<KeyRecord> key(long handle) {
        return query(() -> selectKey(handle));
    }

    @Override
    public synchronized List<Long> findKeys(KeyFilter filter) {
        return query(() -> {
            KeyQuerySql q = KeyQuerySql.of(filter, "k.handle");
            PreparedStatement ps = prepared(q.sql());
            q.bind(ps);
            // Read into a primitive array first, so the list is made once at its final size
            // (100,000 handles in a list grown from 10 copied about 30 times).
            long[] read = new long[256];
            int count = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (count == read.length) {
                        read = Arrays.copyOf(read, count * 2);
                    }
                    read[count++] = rs.getLong(1);
                }
            }
            List<Long> handles = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                handles.add(read[i]);
            }
            return handles;
        });
    }

    @Override
    public synchronized List<KeyRecord> listKeys(Integer visibleTo) {
        return query(() -> {
            Map<Long, List<Integer>> shares = allShares();
            KeyQuerySql q = KeyQuerySql.of(new KeyFilter(visibleTo, null, null, null, null, null, List.of()),
                    SqliteRows.KEY_COLUMNS_WITHOUT_MATERIAL);
            PreparedStatement ps = prepared(q.sql());
            q.bind(ps);
            List<KeyRecord> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long handle = rs.getLong("handle");
                    keys.add(rows.key(rs, shares.getOrDefault(handle, List.of()), new byte[0]));
                }
            }
            return keys;
        });
    }

    @Override
    public synchronized List<KeyCopy> copies(long handle) {
        return query(() -> selectCopies(handle));
    }

    @Override
    public synchronized List<KeyCopy> allCopies() {
        return query(() -> {
            List<KeyCopy> copies = new ArrayList<>();
            try (ResultSet rs = prepared("SELECT handle, node, available_at FROM key_copies").executeQuery()) {
                while (rs.next()) {
                    copies.add(SqliteRows.copy(rs));
                }
            }
            return copies;
        });
    }

    @Override
    public synchronized long tokenKeyCount() {
        return query(this::selectTokenKeyCount);
    }

    @Override
    public synchronized long auditHighWater() {
        return query(this::selectAuditHighWater);
    }

    long selectAuditHighWater() throws SQLException {
        // Kept in the cluster row by every append, so it survives the deletion of the newest records.
        try (ResultSet rs = prepared("SELECT audit_high_water FROM cluster").executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public synchronized List<AuditRecord> auditRecords(long afterSeq, int limit) {
        return query(() -> {
            PreparedStatement ps = prepared("SELECT seq, time, node, user_id, user_name, command, arguments, result_code,"
                    + " previous_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?");
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(new AuditRecord(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getLong(8), rs.getBytes(9), rs.getBytes(10)));
                }
            }
            return records;
        });
    }

    @Override
    public synchronized List<IdentityItem> identities() {
        return query(() -> {
            List<IdentityItem> items = new ArrayList<>();
            try (ResultSet rs = prepared("SELECT name, certificate, private_key FROM identities ORDER BY name").executeQuery()) {
                while (rs.next()) {
                    byte[] sealed = rs.getBytes(3);
                    String name = rs.getString(1);
                    items.add(new IdentityItem(name, rs.getBytes(2), sealed == null ? null : rows.decryptIdentity(name, sealed)));
                }
            }
            return items;
        });
    }

    @Override
    public synchronized long[] counters() {
        return query(() -> {
            try (ResultSet rs = prepared("SELECT handle_counter, round_robin FROM cluster").executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        });
    }

    @Override
    public synchronized Optional<IdentityItem> identity(String name) {
        return query(() -> {
            PreparedStatement ps = prepared("SELECT certificate, private_key FROM identities WHERE name = ?");
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] sealed = rs.getBytes(2);
                return Optional.of(new IdentityItem(name, rs.getBytes(1), sealed == null ? null : rows.decryptIdentity(name, sealed)));
            }
        });
    }

    @Override
    public synchronized List<AttestationRecord> lastAttestations() {
        return query(() -> {
            List<AttestationRecord> records = new ArrayList<>();
            try (ResultSet rs = prepared("SELECT node, time, passed, reason, measured, expected, chains"
                    + " FROM node_attestations ORDER BY node").executeQuery()) {
                while (rs.next()) {
                    records.add(new AttestationRecord(rs.getInt(1), rs.getLong(2), rs.getInt(3) != 0, rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return records;
        });
    }

    @Override
    public synchronized List<NodeCopyCount> copyCounts(long nowMillis) {
        return query(() -> {
            // One pass over the copies with a pair of sums per node: key_copies has no index by node
            // (it would cost a page per node on every key creation), and GROUP BY node would sort them all.
            List<Integer> nodeIds = new ArrayList<>();
            try (ResultSet rs = prepared("SELECT id FROM nodes ORDER BY id").executeQuery()) {
                while (rs.next()) {
                    nodeIds.add(rs.getInt(1));
                }
            }
            if (nodeIds.isEmpty()) {
                return List.of();
            }
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int id : nodeIds) {
                sql.append(id == nodeIds.get(0) ? "" : ", ").append("SUM(node = ").append(id)
                        .append(" AND available_at <= ?1), SUM(node = ").append(id)
                        .append(" AND (available_at IS NULL OR available_at > ?1))");
            }
            PreparedStatement ps = prepared(sql.append(" FROM key_copies").toString());
            ps.setLong(1, nowMillis);
            List<NodeCopyCount> counts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < nodeIds.size(); i++) {
                    counts.add(new NodeCopyCount(nodeIds.get(i), rs.getLong(2 * i + 1), rs.getLong(2 * i + 2)));
                }
            }
            return counts;
        });
    }

    @Override
    public synchronized long changeCounter() {
        // data_version moves when another connection commits; our own commits are counted here.
        return query(() -> {
            try (ResultSet rs = prepared("PRAGMA data_version").executeQuery()) {
                return (rs.next() ? rs.getLong(1) : 0) + localCommits;
            }
        });
    }

    @Override
    public synchronized <T> T write(Work<T> work) {
        damage.refuseWriteIfDamaged();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StoreException(file, "cannot start a write transaction", e);
        }
        T result;
        try {
            result = work.run(transaction());
            connection.commit();
            localCommits++;
        } catch (SQLException e) {
            rollbackQuietly();
            StoreException failure = damage.failure("the write was not committed", e);
            endWriteTransaction(failure);
            throw failure;
        } catch (RuntimeException e) {
            rollbackQuietly();
            endWriteTransaction(e);
            throw e;
        }
        endWriteTransaction(null);
        return result;
    }

    @Override
    public <T> T writeShared(Work<T> work) {
        return groupCommit.submit(work);
    }

    /**
     * One batch of shared writes: a lone request is a plain {@link #write}; several run in one
     * transaction, each inside its own savepoint, so a request that fails is undone alone and the
     * others still commit — together, with one sync. A failed commit fails every request of the batch.
     */
    private synchronized void runBatch(List<GroupCommit.Request<?>> batch) {
        if (batch.size() == 1) {
            GroupCommit.Request<?> only = batch.get(0);
            try {
                write(tx -> {
                    only.runIn(tx);
                    return null;
                });
            } catch (RuntimeException e) {
                only.fail(e);
            }
            return;
        }
        try {
            damage.refuseWriteIfDamaged();
            connection.setAutoCommit(false);
        } catch (StoreException e) {
            batch.forEach(r -> r.fail(e));
            return;
        } catch (SQLException e) {
            StoreException failure = new StoreException(file, "cannot start a write transaction", e);
            batch.forEach(r -> r.fail(failure));
            return;
        }
        Transaction tx = transaction();
        try {
            for (GroupCommit.Request<?> request : batch) {
                runInSavepoint(request, tx);
            }
            connection.commit();
            localCommits++;
        } catch (SQLException e) {
            rollbackQuietly();
            StoreException failure = damage.failure("the write was not committed", e);
            batch.forEach(r -> r.fail(failure));
            endWriteTransaction(failure);
            return;
        } catch (RuntimeException e) {
            rollbackQuietly();
            StoreException failure = new StoreException(file, "the write was not committed", e);
            batch.forEach(r -> r.fail(failure));
            endWriteTransaction(failure);
            return;
        }
        endWriteTransaction(null);
    }

    /** Shared writes queued behind the running batch (tests use it to build a batch of several). */
    int sharedWritesWaiting() {
        return groupCommit.waitingCount();
    }

    private void runInSavepoint(GroupCommit.Request<?> request, Transaction tx) throws SQLException {
        prepared("SAVEPOINT shared_write").execute();
        try {
            request.runIn(tx);
        } catch (RuntimeException e) {
            request.fail(e);
            prepared("ROLLBACK TO shared_write").execute();
        }
        prepared("RELEASE shared_write").execute();
    }

    /**
     * Back to autocommit. After a failed commit (a full disk, say) SQLite has already ended the
     * transaction and this step fails too; the user must then read the first failure, not this one.
     */
    private void endWriteTransaction(RuntimeException inFlight) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (inFlight != null) {
                inFlight.addSuppressed(e);
                return;
            }
            throw new StoreException(file, "cannot end the write transaction", e);
        }
    }

    @Override
    public synchronized <T> T writeWithoutSync(Work<T> work) {
        damage.refuseWriteIfDamaged();
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            throw new StoreException(file, "cannot start a write transaction", e);
        }
        try {
            return write(work);
        } finally {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA synchronous = FULL");
            } catch (SQLException e) {
                // Leaving NORMAL on would silently weaken every later commit: stop using this store.
                close();
                throw new StoreException(file, "cannot restore synchronous commits", e);
            }
        }
    }

    @Override
    public long reserveHandleCounters(int count) {
        return writeWithoutSync(tx -> ((SqliteTransaction) tx).advanceCounter("handle_counter", count));
    }

    @Override
    public synchronized void close() {
        statements.values().forEach(SqliteClusterStore::closeQuietly);
        statements.clear();
        closeQuietly(connection);
    }

    // ---- shared by reads and the transaction ----

    Transaction transaction() {
        return new SqliteTransaction(this);
    }

    PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** The exception for a statement that failed inside a transaction (a corruption marks the store damaged). */
    StoreException failure(String what, SQLException e) {
        return damage.failure(what, e);
    }

    MaterialCipher cipher() {
        return cipher;
    }

    Path path() {
        return file;
    }

    ClusterRecord selectCluster() throws SQLException {
        try (ResultSet rs = prepared("SELECT name, hsm_type, key_capacity, created_at FROM cluster").executeQuery()) {
            if (!rs.next()) {
                throw new StoreException(file, "the cluster store has no cluster record; it is damaged");
            }
            return new ClusterRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4));
        }
    }

    long selectTokenKeyCount() throws SQLException {
        try (ResultSet rs = prepared("SELECT token_key_count FROM cluster").executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    List<UserRecord> selectUsers() throws SQLException {
        return rows.users(prepared(SqliteRows.USER_SELECT + " ORDER BY id"));
    }

    Optional<UserRecord> selectUserByName(String name) throws SQLException {
        PreparedStatement ps = prepared(SqliteRows.USER_SELECT + " WHERE name = ? COLLATE NOCASE");
        ps.setString(1, name);
        return rows.users(ps).stream().findFirst();
    }

    Optional<UserRecord> selectUserById(int id) throws SQLException {
        PreparedStatement ps = prepared(SqliteRows.USER_SELECT + " WHERE id = ?");
        ps.setInt(1, id);
        return rows.users(ps).stream().findFirst();
    }

    Optional<KeyRecord> selectKey(long handle) throws SQLException {
        PreparedStatement ps = prepared("SELECT " + SqliteRows.KEY_COLUMNS + " FROM keys WHERE handle = ?");
        ps.setLong(1, handle);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            byte[] material = rows.decryptMaterial(handle, rs.getBytes("material"));
            return Optional.of(rows.key(rs, selectShares(handle), material));
        }
    }

    List<Integer> selectShares(long handle) throws SQLException {
        PreparedStatement ps = prepared("SELECT user_id FROM key_shares WHERE handle = ? ORDER BY user_id");
        ps.setLong(1, handle);
        List<Integer> users = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(rs.getInt(1));
            }
        }
        return users;
    }

    List<KeyCopy> selectCopies(long handle) throws SQLException {
        PreparedStatement ps = prepared("SELECT handle, node, available_at FROM key_copies WHERE handle = ? ORDER BY node");
        ps.setLong(1, handle);
        List<KeyCopy> copies = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                copies.add(SqliteRows.copy(rs));
            }
        }
        return copies;
    }

    private Map<Long, List<Integer>> allShares() throws SQLException {
        Map<Long, List<Integer>> shares = new HashMap<>();
        try (ResultSet rs = prepared("SELECT handle, user_id FROM key_shares ORDER BY handle, user_id").executeQuery()) {
            while (rs.next()) {
                shares.computeIfAbsent(rs.getLong(1), h -> new ArrayList<>()).add(rs.getInt(2));
            }
        }
        return shares;
    }

    private void insertCluster(ClusterRecord cluster) throws SQLException {
        PreparedStatement ps = prepared("INSERT INTO cluster (singleton, name, hsm_type, key_capacity, created_at,"
                + " handle_counter, round_robin, token_key_count) VALUES (1, ?, ?, ?, ?, ?, 0, 0)");
        ps.setString(1, cluster.name());
        ps.setString(2, cluster.hsmType());
        ps.setInt(3, cluster.keyCapacity());
        ps.setLong(4, cluster.createdAtMillis());
        ps.setLong(5, FIRST_HANDLE_COUNTER);
        ps.executeUpdate();
    }

    /** Handles below 6 are reserved on a CloudHSM partition (4 is an internal KEK). */
    static final long FIRST_HANDLE_COUNTER = 6;

    private <T> T query(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw damage.failure("cannot read the cluster store", e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what the caller needs to see.
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Closing is best effort; nothing is left to save.
        }
    }

    /**
     * Removes what a failed {@link #create} made: the half-built file and its journal, the master key,
     * and the cluster's folder when this call made it (only if it is empty: nothing of anyone else's
     * is removed). A failed create thus leaves no cluster name taken.
     */
    private static void undoCreate(Path clusterDir, Path tmp, boolean madeFolder) {
        deleteQuietly(tmp);
        deleteQuietly(tmp.resolveSibling(tmp.getFileName() + "-journal"));
        deleteQuietly(clusterDir.resolve(MasterKeyFile.FILE_NAME));
        if (madeFolder) {
            deleteQuietly(clusterDir);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort cleanup of a temporary file.
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
