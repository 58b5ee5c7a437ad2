package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ChangeSubscription;
import io.hsmconsole.store.ClusterCounters;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.GroupCommit;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.KeyWithCopies;
import io.hsmconsole.store.ListingCache;
import io.hsmconsole.store.NodeCopyCount;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.OpenedFiles;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.UserRecord;
import io.hsmconsole.store.sealing.MasterKeyFile;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One cluster kept on a PostgreSQL server that several machines share (team mode): its tables in
 * the cluster's own schema ({@link PostgresSchema}), key material sealed under the master key that
 * each machine holds in its cluster folder ({@link PostgresBackend}). Every write is one transaction
 * holding the cluster's write lock ({@link PostgresDatabase#write}), so the simulator's rules hold
 * across machines as they hold across processes on SQLite.
 */
public final class PostgresClusterStore implements ClusterStore {
    private final PostgresDatabase db;
    private final PostgresReads reads;
    private final PostgresBatch batches;
    private final GroupCommit groupCommit;
    private final ListingCache listings = new ListingCache();
    private final byte[] openedSealingCheck;
    private final OpenedFiles openedFiles;

    /** {@code sealingCheck}: the cluster row's, as read at open (a cluster made anew has another). */
    PostgresClusterStore(PostgresDatabase db, byte[] sealingCheck) {
        this.db = db;
        this.openedSealingCheck = sealingCheck.clone();
        this.openedFiles = OpenedFiles.of(db.location(), db.location().resolve(MasterKeyFile.FILE_NAME));
        this.reads = new PostgresReads(db);
        this.batches = new PostgresBatch(db, reads, sealingCheck);
        this.groupCommit = new GroupCommit(batches::run);
    }

    @Override
    public Path location() {
        return db.location();
    }

    @Override
    public ClusterRecord cluster() {
        return db.read(reads::cluster);
    }

    @Override
    public List<NodeRecord> nodes() {
        return db.read(reads::nodes);
    }

    @Override
    public List<UserRecord> users() {
        return db.read(reads::users);
    }

    @Override
    public Optional<UserRecord> userByName(String name) {
        return db.read(c -> reads.userByName(c, name));
    }

    @Override
    public Optional<UserRecord> userById(int id) {
        return db.read(c -> reads.userById(c, id));
    }

    @Override
    public Optional<KeyRecord> key(long handle) {
        return db.read(c -> reads.key(c, handle));
    }

    @Override
    public List<Long> findKeys(KeyFilter filter) {
        // Listings of many keys are remembered and follow changes (ListingCache): the counter, the log
        // and the rows in one snapshot.
        return db.read(c -> filter.hasKeyCriteria() ? reads.findKeys(c, filter, null).rows()
                : remembered(c, List.of("findKeys", filter), false, among -> reads.findKeys(c, filter, among)));
    }

    @Override
    public List<KeyRecord> listKeys(KeyFilter filter) {
        return db.read(c -> filter.hasKeyCriteria() ? reads.listKeys(c, filter, null).rows()
                : remembered(c, List.of("listKeys", filter), false, among -> reads.listKeys(c, filter, among)));
    }

    @Override
    public List<KeyWithCopies> listKeysWithCopies(KeyFilter filter) {
        return db.read(c -> {
            ListingCache.Rows<KeyWithCopies, SQLException> read = among -> KeyWithCopies.join(
                    reads.listKeys(c, filter, among), reads.copies(c, among).rows());
            return filter.hasKeyCriteria() ? read.read(null).rows()
                    : remembered(c, List.of("listKeysWithCopies", filter), true, read);
        });
    }

    @Override
    public List<KeyCopy> copies(long handle) {
        return db.read(c -> reads.copies(c, handle));
    }

    @Override
    public List<KeyCopy> allCopies() {
        return db.read(c -> remembered(c, "allCopies", true, among -> reads.copies(c, among)));
    }

    private <T> List<T> remembered(Connection c, Object key, boolean followsCopies,
                                   ListingCache.Rows<T, SQLException> read) throws SQLException {
        return listings.get(key, reads.keyChanges(c), followsCopies,
                (since, withCopies, limit) -> reads.changedSince(c, since, withCopies, limit), read);
    }

    /**
     * The cluster folder and master key file are those checked at open ({@link OpenedFiles}), and the
     * server's cluster row is the one that was
     * there (its sealing check is random per cluster made): a cluster dropped and made anew by
     * another machine is not current. A schema that is gone is not current either; a server out of
     * reach is an error, as for any read.
     */
    @Override
    public boolean isCurrent() {
        if (!openedFiles.unchanged()) {
            return false;
        }
        try {
            return Arrays.equals(db.read(reads::sealingCheck), openedSealingCheck);
        } catch (StoreException e) {
            if (ServerFailure.isUnreachable(e)) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public long tokenKeyCount() {
        return db.read(c -> reads.clusterNumber(c, "token_key_count"));
    }

    @Override
    public List<IdentityItem> identities() {
        return db.read(reads::identities);
    }

    @Override
    public ClusterCounters counters() {
        return db.read(reads::counters);
    }

    @Override
    public Optional<IdentityItem> identity(String name) {
        return db.read(c -> reads.identity(c, name));
    }

    @Override
    public long auditHighWater() {
        return db.read(c -> reads.clusterNumber(c, "audit_high_water"));
    }

    @Override
    public List<AuditRecord> auditRecords(long afterSeq, int limit) {
        return db.read(c -> reads.auditRecords(c, afterSeq, limit));
    }

    @Override
    public List<AttestationRecord> lastAttestations() {
        return db.read(reads::lastAttestations);
    }

    @Override
    public List<NodeCopyCount> copyCounts(long nowMillis) {
        return db.read(c -> reads.copyCounts(c, nowMillis));
    }

    /** Bumped by every committed write from any machine ({@link PostgresDatabase#write}). */
    @Override
    public long changeCounter() {
        return db.read(c -> reads.clusterNumber(c, "change_counter"));
    }

    /** Told by {@code LISTEN/NOTIFY}: a watcher needs no query until a write commits somewhere. */
    @Override
    public Optional<ChangeSubscription> subscribe(Runnable listener) {
        return Optional.of(db.changes().subscribe(listener));
    }

    @Override
    public <T> T write(Work<T> work) {
        return db.write((c, held) -> {
            PostgresTransaction tx = new PostgresTransaction(db, reads, c, held);
            T result = work.run(tx);
            tx.flush();
            return result;
        });
    }

    /**
     * Group commit, as on SQLite: concurrent callers of this process share one transaction, so one
     * turn of the cluster's write lock and one durable commit serve them all; each work runs in its
     * own savepoint and a failing one is undone alone ({@link PostgresBatch}). Without it, four
     * sessions of one process queue for the lock one commit at a time.
     */
    @Override
    public <T> T writeShared(Work<T> work) {
        return groupCommit.submit(work);
    }

    /**
     * The same as {@link #write}: every commit here waits for the server's durable commit. (A
     * per-transaction {@code synchronous_commit = off} could serve this later; it is not needed for
     * correctness, only speed.)
     */
    @Override
    public <T> T writeWithoutSync(Work<T> work) {
        return write(work);
    }

    /** Shared writes queued behind the running batch (for tests of group commit). */
    int sharedWritesWaiting() {
        return groupCommit.waitingCount();
    }

    /** Shared writes sent in one statement, and those found stale (for tests and the profile). */
    OptimisticBatch.Outcomes optimisticOutcomes() {
        return batches.optimisticOutcomes();
    }

    @Override
    public long reserveHandleCounters(int count) {
        return write(tx -> ((PostgresTransaction) tx).advanceHandles(count));
    }

    @Override
    public void close() {
        db.close();
    }
}
