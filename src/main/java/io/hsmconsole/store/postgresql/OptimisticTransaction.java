package io.hsmconsole.store.postgresql;

import io.hsmconsole.model.UserType;
import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterCounters;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.UserRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transaction a shared write first runs in ({@link OptimisticBatch}): without the cluster's lock,
 * answered from the cluster row's state as this process's last commit left it ({@link LockedCluster}:
 * counters, nodes, the audit chain's end). The new keys and audit records wait here and go to the
 * server in one statement that also checks the row is still at that state; other reads (a key ID, a
 * user) are queries of their own, right for the same reason. Anything else a key creation does not do
 * (updates, deletes, node and user changes) throws {@link NeedsLock}: the batch then runs under the lock.
 */
final class OptimisticTransaction implements ClusterStore.Transaction {
    /** The work asked for something answered only under the lock; nothing was sent. */
    static final class NeedsLock extends RuntimeException {
        NeedsLock() {
            super("needs the cluster's lock", null, false, false);
        }
    }

    /** A key waiting to be sent, with its place in creation order. */
    record NewKey(KeyRecord key, List<KeyCopy> copies, long seq) {
    }

    /** What a request's failure goes back to: the state and the keys waiting before it ran. */
    record Mark(LockedCluster state, int keys) {
    }

    private final PostgresReads reads;
    private final Connection c;
    private LockedCluster state;
    private final List<NewKey> keys = new ArrayList<>();

    OptimisticTransaction(PostgresReads reads, Connection c, LockedCluster remembered) {
        this.reads = reads;
        this.c = c;
        this.state = remembered;
    }

    Mark mark() {
        return new Mark(state.copy(), keys.size());
    }

    void rollBackTo(Mark mark) {
        state = mark.state();
        keys.subList(mark.keys(), keys.size()).clear();
    }

    /** The row's state once what waits here is written: counters moved, audit records appended. */
    LockedCluster state() {
        return state;
    }

    List<NewKey> keys() {
        return List.copyOf(keys);
    }

    @Override
    public ClusterRecord cluster() {
        return state.record();
    }

    @Override
    public List<NodeRecord> nodes() {
        return state.nodes();
    }

    @Override
    public long nextHandleCounter() {
        return state.advanceHandles(1);
    }

    @Override
    public long nextRoundRobin() {
        return state.nextRoundRobin();
    }

    @Override
    public long tokenKeyCount() {
        return state.tokenKeyCount();
    }

    @Override
    public void insertKey(KeyRecord key, List<KeyCopy> copies) {
        state.keysAdded(1);
        keys.add(new NewKey(key, List.copyOf(copies), state.handleCounter()));
    }

    /** The server's keys and those waiting here: an earlier request of the batch may have taken the ID. */
    @Override
    public boolean keyIdExists(String id) {
        return keys.stream().anyMatch(k -> k.key().id().equals(id)) || query(() -> reads.keyIdExists(c, id));
    }

    @Override
    public long countKeysOfClass(int keyClass) {
        return keys.stream().filter(k -> k.key().keyClass().code() == keyClass).count()
                + query(() -> reads.countKeysOfClass(c, keyClass));
    }

    @Override
    public Optional<UserRecord> userById(int id) {
        return query(() -> reads.userById(c, id));
    }

    @Override
    public Optional<UserRecord> userByName(String name) {
        return query(() -> reads.userByName(c, name));
    }

    @Override
    public List<UserRecord> users() {
        return query(() -> reads.users(c));
    }

    @Override
    public byte[] lastAuditHash() {
        return state.lastAuditHash();
    }

    @Override
    public long nextAuditSeq() {
        return state.nextAuditSeq();
    }

    @Override
    public void appendAudit(AuditRecord r) {
        state.append(r);
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    /** A failed query is left to the locked path, which reports it as a write's failure. */
    private static <T> T query(Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new NeedsLock();
        }
    }

    // Everything below is answered only under the lock (no key creation asks it).

    @Override
    public Optional<KeyRecord> key(long handle) {
        throw new NeedsLock();
    }

    @Override
    public void restoreKey(KeyRecord key, List<KeyCopy> copies, long seq) {
        throw new NeedsLock();
    }

    @Override
    public void updateKey(KeyRecord key) {
        throw new NeedsLock();
    }

    @Override
    public void deleteKey(long handle) {
        throw new NeedsLock();
    }

    @Override
    public List<KeyCopy> copies(long handle) {
        throw new NeedsLock();
    }

    @Override
    public void schedulePendingCopies(int nodeId, long availableAtMillis) {
        throw new NeedsLock();
    }

    @Override
    public void upsertNode(NodeRecord node) {
        throw new NeedsLock();
    }

    @Override
    public void copyHeldKeys(int fromNode, int toNode, long nowMillis, long availableAtMillis) {
        throw new NeedsLock();
    }

    @Override
    public void deleteNode(int nodeId) {
        throw new NeedsLock();
    }

    @Override
    public void putAttestation(AttestationRecord record) {
        throw new NeedsLock();
    }

    @Override
    public Optional<IdentityItem> identity(String name) {
        throw new NeedsLock();
    }

    @Override
    public void putIdentity(IdentityItem item) {
        throw new NeedsLock();
    }

    @Override
    public void deleteIdentities(String namePrefix) {
        throw new NeedsLock();
    }

    @Override
    public UserRecord insertUser(String name, UserType type, String passwordHash) {
        throw new NeedsLock();
    }

    @Override
    public void restoreUser(UserRecord user) {
        throw new NeedsLock();
    }

    @Override
    public void restoreCounters(ClusterCounters counters) {
        throw new NeedsLock();
    }

    @Override
    public void updateUser(UserRecord user) {
        throw new NeedsLock();
    }

    @Override
    public void deleteUser(int userId) {
        throw new NeedsLock();
    }

    @Override
    public int countKeysOwnedBy(int userId) {
        throw new NeedsLock();
    }
}
