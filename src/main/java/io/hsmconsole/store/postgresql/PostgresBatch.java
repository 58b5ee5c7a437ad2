package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.GroupCommit;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * One batch of shared writes ({@link GroupCommit}): first tried in one statement without the lock
 * ({@link OptimisticBatch}); when that cannot serve, under the lock: a lone request is a plain write; several run in
 * one write transaction (one turn of the cluster's lock), each inside its own savepoint, so a request
 * that fails is undone alone and the others still commit, together. A failed commit fails every
 * request of the batch, and nothing of it is stored.
 */
final class PostgresBatch {
    private final PostgresDatabase db;
    private final PostgresReads reads;
    private final OptimisticBatch optimistic;

    /** {@code sealingCheck}: the cluster row's as opened ({@link OptimisticBatch}). */
    PostgresBatch(PostgresDatabase db, PostgresReads reads, byte[] sealingCheck) {
        this.db = db;
        this.reads = reads;
        this.optimistic = new OptimisticBatch(db, reads, sealingCheck);
    }

    OptimisticBatch.Outcomes optimisticOutcomes() {
        return optimistic.outcomes();
    }

    /** In one statement when this process's last commit is still the cluster's; else under the lock. */
    void run(List<GroupCommit.Request<?>> batch) {
        if (optimistic.tryRun(batch)) {
            return;
        }
        try {
            db.write((c, held) -> {
                PostgresTransaction tx = new PostgresTransaction(db, reads, c, held);
                if (batch.size() == 1) {
                    batch.get(0).runIn(tx); // a failure rolls the whole (one-request) transaction back
                    tx.flush();
                    return null;
                }
                for (GroupCommit.Request<?> request : batch) {
                    // Never released: a RELEASE would cost a round trip per request, and the commit
                    // releases them all (rolling back to one drops those made after it).
                    Savepoint before = c.setSavepoint();
                    LockedCluster known = tx.snapshot();
                    try {
                        request.runIn(tx);
                    } catch (RuntimeException e) {
                        c.rollback(before);
                        tx.rolledBackTo(known); // the counters and audit records waiting go back with the rows
                        request.fail(e);
                    }
                }
                tx.flush();
                return null;
            });
        } catch (RuntimeException e) {
            batch.forEach(r -> r.failIfOpen(e));
        }
    }
}
