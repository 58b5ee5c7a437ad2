package io.hsmconsole.hsm;

import io.hsmconsole.hsm.audit.AuditChain;
import io.hsmconsole.hsm.audit.AuditEntry;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's append-only, hash-chained audit log. Entries are buffered and committed inside the
 * next write transaction (so a state change and the entries before it commit together), at logout
 * or exit, when 256 are waiting, or when the oldest has waited a second — so a bulk run of session
 * keys does not pay a disk sync per entry. A crash of the process can lose at most the buffered
 * entries; a power cut also the last audit-only batches, which are committed without a disk sync.
 */
public final class AuditLog {
    private static final int MAX_PENDING = 256;
    private static final long MAX_AGE_MILLIS = 1_000;
    private static final int PAGE = 10_000;

    private final ClusterStore store;
    private final HsmClock clock;
    private final List<AuditEntry> pending = new ArrayList<>();

    AuditLog(ClusterStore store, HsmClock clock) {
        this.store = store;
        this.clock = clock;
    }

    void record(AuditEntry entry) {
        boolean flushNow;
        synchronized (this) {
            pending.add(entry);
            flushNow = pending.size() >= MAX_PENDING || clock.nowMillis() - pending.get(0).timeMillis() >= MAX_AGE_MILLIS;
        }
        if (flushNow) {
            flush();
        }
    }

    /** Commits every buffered entry now. */
    public void flush() {
        if (hasPending()) {
            // Audit-only batches skip the disk sync: they were only buffered until now anyway, and
            // a sync every 256 session keys would dominate a bulk run on a busy disk.
            store.writeWithoutSync(tx -> {
                drainInto(tx);
                return null;
            });
        }
    }

    private synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Appends the buffered entries inside the caller's write transaction. */
    void drainInto(ClusterStore.Transaction tx) {
        seal(take(), tx);
    }

    /**
     * One write's share of the buffered entries, for a work that the store may run more than once
     * ({@link ClusterStore#writeShared}: PostgreSQL's optimistic write runs it again under the lock when
     * the state it was answered from was stale): the entries are taken at the first run and sealed
     * again onto whatever chain each run's transaction has, so a second run neither loses them nor
     * takes entries another write has taken since.
     */
    Drain drain() {
        return new Drain();
    }

    final class Drain {
        private List<AuditEntry> taken;

        void into(ClusterStore.Transaction tx) {
            if (taken == null) {
                taken = take();
            }
            seal(taken, tx);
        }
    }

    private synchronized List<AuditEntry> take() {
        List<AuditEntry> batch = new ArrayList<>(pending);
        pending.clear();
        return batch;
    }

    private static void seal(List<AuditEntry> batch, ClusterStore.Transaction tx) {
        if (batch.isEmpty()) {
            return;
        }
        long seq = tx.nextAuditSeq();
        byte[] previous = tx.lastAuditHash();
        for (AuditEntry e : batch) {
            AuditRecord r = AuditChain.seal(seq++, previous, e);
            tx.appendAudit(r);
            previous = r.hash();
        }
    }

    /** Committed records after {@code afterSeq}, oldest first (buffered entries are committed first). */
    public List<AuditRecord> records(long afterSeq, int limit) {
        flush();
        return store.auditRecords(afterSeq, limit);
    }

    /** Walks the whole chain and reports the first broken link. */
    public AuditChain.Verification verify() {
        flush();
        List<AuditRecord> all = new ArrayList<>();
        long after = 0;
        List<AuditRecord> page;
        do {
            page = store.auditRecords(after, PAGE);
            all.addAll(page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).seq();
            }
        } while (page.size() == PAGE);
        return AuditChain.verify(all, store.auditHighWater());
    }
}
