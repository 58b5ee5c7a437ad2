package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.GroupCommit;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * One batch of shared writes ({@link GroupCommit}): a lone request is a plain write; several run in
 * one write transaction (one turn of the cluster's lock), each inside its own savepoint, so a request
 * that fails is undone alone and the others still commit, together. A failed commit fails every
 * request of the batch, and nothing of it is stored.
 */
final class PostgresBatch {
    private final PostgresDatabase db;
    private final PostgresReads reads;

    PostgresBatch(PostgresDatabase db, PostgresReads reads) {
        this.db = db;
        this.reads = reads;
    }

    void run(List<GroupCommit.Request<?>> batch) {
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
