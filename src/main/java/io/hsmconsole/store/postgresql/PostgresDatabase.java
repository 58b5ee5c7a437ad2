package io.hsmconsole.store.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.sealing.MaterialCipher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connections of one cluster's store: a small HikariCP pool whose connections all work in the
 * cluster's schema, the cipher that seals key material, and the two ways to use them. A read runs
 * in one read-only REPEATABLE READ transaction (its queries see one state). A write first bumps
 * {@code cluster.change_counter}: that row lock is the cluster's write lock, taken before anything is
 * read, so writes from every machine run one after another and each sees all the writes committed
 * before it (READ COMMITTED takes a fresh snapshot per statement) — the rules checked inside a write
 * (handle counter, unique IDs, capacity) hold across machines, as SQLite's BEGIN IMMEDIATE makes
 * them hold across processes. A write that fails is rolled back whole, counter bump included.
 */
final class PostgresDatabase implements AutoCloseable {
    private static final int POOL_SIZE = 4;

    private final HikariDataSource pool;
    private final Path location;
    private final String server;
    private final MaterialCipher cipher;
    private final String schema;
    private final PostgresChangeChannel changes;
    /**
     * The cluster row's state as this process's latest committed write left it, for the next shared
     * write to be answered from ({@link OptimisticBatch}); null while unknown or taken by a write in
     * flight. {@code rememberedCounter} is that commit's change counter: a state is replaced only by
     * a later commit's.
     */
    private LockedCluster remembered;
    private long rememberedCounter = -1;

    PostgresDatabase(PostgresUrl url, String schema, Path location, MaterialCipher cipher) {
        try {
            this.pool = new HikariDataSource(config(url, schema));
        } catch (RuntimeException e) {
            // HikariCP reports an unreachable server or refused login as its own exception at start.
            throw new StoreException(location, "cannot connect to the PostgreSQL server " + url, e);
        }
        this.location = location;
        this.server = url.toString();
        this.cipher = cipher;
        this.schema = schema;
        this.changes = schema == null ? null : new PostgresChangeChannel(url, schema);
    }


    private static HikariConfig config(PostgresUrl url, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        // Fail at once with the server's reason, rather than a pool that retries in the background.
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(10_000);
        // No JIT: it compiles a plan whose estimated cost is high (a listing of every key, or any query
        // while the table's statistics are stale after a bulk load) and took 420 ms of a 780 ms listing
        // of 100,000 keys; our queries are short and many, which JIT only slows down.
        config.addDataSourceProperty("options", "-c jit=off");
        config.setPoolName("hsm-store" + (schema == null ? "" : "-" + schema));
        if (schema != null) {
            // Set at connection start (a startup parameter), not by a statement: a SET on a connection
            // that does not auto-commit would open a transaction before ours.
            config.addDataSourceProperty("currentSchema", PostgresSchema.quoted(schema));
        }
        return config;
    }

    Path location() {
        return location;
    }

    MaterialCipher cipher() {
        return cipher;
    }

    /** The cluster's change notifications (the channel is named after its schema). */
    PostgresChangeChannel changes() {
        return changes;
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Every connection's default is REPEATABLE READ (set once, when the pool makes it), and the
     * driver begins a read-only transaction with {@code BEGIN READ ONLY}: a read costs no round trip
     * of its own beyond its queries and the commit. The pool puts read-only back on return.
     */
    <T> T read(SqlWork<T> work) {
        return transaction("a read of the cluster store failed", c -> c.setReadOnly(true), work);
    }

    @FunctionalInterface
    interface LockedWork<T> {
        T run(Connection c, LockedCluster held) throws SQLException;
    }

    /**
     * Switches this one transaction to READ COMMITTED and takes the lock in the same round trip
     * (nothing to reset when the connection returns to the pool), reading with it what a write asks
     * ({@link LockedCluster}). The bump that takes the lock sends a NOTIFY that reaches the listeners
     * of every machine when (and only if) this transaction commits.
     */
    <T> T write(LockedWork<T> work) {
        LockedCluster[] held = new LockedCluster[1];
        T result = transaction("a write to the cluster store failed; nothing of it was stored",
                c -> held[0] = LockedCluster.lock(c, schema, location), c -> work.run(c, held[0]));
        remember(held[0]);
        return result;
    }

    /**
     * Keeps the state a write of this process committed, unless a later commit's is kept already; a
     * state that is not {@link LockedCluster#complete} (the nodes changed) forgets the older one.
     */
    synchronized void remember(LockedCluster committed) {
        if (committed.changeCounter() > rememberedCounter) {
            rememberedCounter = committed.changeCounter();
            remembered = committed.complete() ? committed.copy() : null;
        }
    }

    /** The remembered state, now the caller's alone (null when none): given back by {@link #remember}. */
    synchronized LockedCluster takeRemembered() {
        LockedCluster taken = remembered;
        remembered = null;
        return taken;
    }

    /** The channel that every machine's change listener hears (the cluster's schema). */
    String channel() {
        return schema;
    }

    /**
     * {@code work} on a connection in autocommit: each statement commits on its own, in its own
     * round trip (no BEGIN, no COMMIT). SQL failures are the caller's to judge.
     */
    <T> T autocommit(SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            try {
                return work.run(c);
            } finally {
                c.setAutoCommit(false);
            }
        }
    }

    /** A transaction without the cluster's write lock: for creating the cluster, before its row exists. */
    <T> T create(SqlWork<T> work) {
        return transaction("cannot create the cluster store; nothing was left on the server", c -> { }, work);
    }

    @FunctionalInterface
    private interface SqlStart {
        void begin(Connection c) throws SQLException;
    }

    /** {@code work} in one transaction, committed when it returns, rolled back whole when anything fails. */
    private <T> T transaction(String failure, SqlStart start, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                start.begin(c);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(failure, e);
        }
    }

    StoreException failure(String what, SQLException e) {
        if (ServerFailure.isUnreachable(e)) {
            StoreException down = new StoreException(location, "cannot reach the PostgreSQL server " + server + " ("
                    + ServerFailure.reason(e) + "): " + what + "; it works again once the server is back");
            down.initCause(e);
            return down;
        }
        return new StoreException(location, what + " (PostgreSQL at " + server + ")", e);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (changes != null) {
            changes.close();
        }
        pool.close();
    }
}
