package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.GroupCommit;
import io.hsmconsole.store.ClusterStore.Work;
import io.hsmconsole.store.StoreException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The write transactions of the store: one IMMEDIATE transaction per {@link #write}, shared writes
 * batched by {@link GroupCommit} (each in its own savepoint, one durable commit per batch), and writes
 * whose commit skips the disk sync. A failed write is rolled back whole; nothing is half-written.
 */
final class SqliteWriter {
    private final SqliteDatabase db;
    private final Connection connection;
    private final Supplier<SqliteTransaction> transactions;
    private final Runnable closeStore;
    private final Consumer<InsertedKeys> committedKeys;
    private final GroupCommit groupCommit = new GroupCommit(this::runBatch);

    /** {@code committedKeys} is told the keys of every committed transaction that inserted some. */
    SqliteWriter(SqliteDatabase db, Supplier<SqliteTransaction> transactions, Runnable closeStore,
                 Consumer<InsertedKeys> committedKeys) {
        this.db = db;
        this.connection = db.connection();
        this.transactions = transactions;
        this.closeStore = closeStore;
        this.committedKeys = committedKeys;
    }

    <T> T write(Work<T> work) {
        synchronized (db) {
            db.damage().refuseWriteIfDamaged();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw new StoreException(db.path(), "cannot start a write transaction", e);
            }
            T result;
            SqliteTransaction tx = transactions.get();
            try {
                result = work.run(tx);
                connection.commit();
                db.committed();
            } catch (SQLException e) {
                db.rollbackQuietly();
                StoreException failure = db.failure("the write was not committed", e);
                endWriteTransaction(failure);
                throw failure;
            } catch (RuntimeException e) {
                db.rollbackQuietly();
                endWriteTransaction(e);
                throw e;
            }
            endWriteTransaction(null);
            committed(tx);
            return result;
        }
    }

    private void committed(SqliteTransaction tx) {
        if (tx.inserted().count() > 0) {
            committedKeys.accept(tx.inserted());
        }
    }

    <T> T writeShared(Work<T> work) {
        return groupCommit.submit(work);
    }

    /** Shared writes queued behind the running batch (tests use it to build a batch of several). */
    int sharedWritesWaiting() {
        return groupCommit.waitingCount();
    }

    /**
     * One batch of shared writes: a lone request is a plain {@link #write}; several run in one
     * transaction, each inside its own savepoint, so a request that fails is undone alone and the
     * others still commit — together, with one sync. A failed commit fails every request of the batch.
     */
    private void runBatch(List<GroupCommit.Request<?>> batch) {
        synchronized (db) {
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
                db.damage().refuseWriteIfDamaged();
                connection.setAutoCommit(false);
            } catch (StoreException e) {
                batch.forEach(r -> r.fail(e));
                return;
            } catch (SQLException e) {
                StoreException failure = new StoreException(db.path(), "cannot start a write transaction", e);
                batch.forEach(r -> r.fail(failure));
                return;
            }
            runInOneTransaction(batch);
        }
    }

    private void runInOneTransaction(List<GroupCommit.Request<?>> batch) {
        SqliteTransaction tx = transactions.get();
        try {
            for (GroupCommit.Request<?> request : batch) {
                runInSavepoint(request, tx);
            }
            connection.commit();
            db.committed();
        } catch (SQLException e) {
            db.rollbackQuietly();
            StoreException failure = db.failure("the write was not committed", e);
            batch.forEach(r -> r.fail(failure));
            endWriteTransaction(failure);
            return;
        } catch (RuntimeException e) {
            db.rollbackQuietly();
            StoreException failure = new StoreException(db.path(), "the write was not committed", e);
            batch.forEach(r -> r.fail(failure));
            endWriteTransaction(failure);
            return;
        }
        endWriteTransaction(null);
        committed(tx);
    }

    private void runInSavepoint(GroupCommit.Request<?> request, SqliteTransaction tx) throws SQLException {
        db.prepared("SAVEPOINT shared_write").execute();
        int keysBefore = tx.inserted().count();
        try {
            request.runIn(tx);
        } catch (RuntimeException e) {
            request.fail(e);
            db.prepared("ROLLBACK TO shared_write").execute();
            tx.inserted().dropAfter(keysBefore);
        }
        db.prepared("RELEASE shared_write").execute();
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
            throw new StoreException(db.path(), "cannot end the write transaction", e);
        }
    }

    /** A {@link #write} committed with synchronous NORMAL: it survives a process crash, not a power cut. */
    <T> T writeWithoutSync(Work<T> work) {
        synchronized (db) {
            db.damage().refuseWriteIfDamaged();
            try {
                // Prepared once per connection: this runs at every logout's audit commit.
                db.prepared("PRAGMA synchronous = NORMAL").execute();
            } catch (SQLException e) {
                throw new StoreException(db.path(), "cannot start a write transaction", e);
            }
            try {
                return write(work);
            } finally {
                try {
                    db.prepared("PRAGMA synchronous = FULL").execute();
                } catch (SQLException e) {
                    // Leaving NORMAL on would silently weaken every later commit: stop using this store.
                    closeStore.run();
                    throw new StoreException(db.path(), "cannot restore synchronous commits", e);
                }
            }
        }
    }
}
