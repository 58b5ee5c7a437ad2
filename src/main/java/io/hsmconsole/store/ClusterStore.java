package io.hsmconsole.store;

import io.hsmconsole.model.UserType;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of one cluster. Reads see committed state; {@link #write} runs its work in one
 * exclusive transaction so that rules checked inside it (handle counter, unique IDs, capacity) hold
 * across every process using the same store.
 */
public interface ClusterStore extends AutoCloseable {

    /** The file (or other location) the store lives in, for messages. */
    java.nio.file.Path location();

    ClusterRecord cluster();

    List<NodeRecord> nodes();

    List<UserRecord> users();

    Optional<UserRecord> userByName(String name);

    Optional<UserRecord> userById(int id);

    Optional<KeyRecord> key(long handle);

    /**
     * The handles of the token keys the filter selects, in creation order. The list may be shared
     * with other callers (a listing remembered while the cluster's keys are unchanged): do not change it.
     */
    List<Long> findKeys(KeyFilter filter);

    /**
     * The token keys the filter selects, in creation order, for listing: material is not loaded, and
     * the list may be shared with other callers (do not change it).
     */
    List<KeyRecord> listKeys(KeyFilter filter);

    /**
     * {@link #listKeys} with each key's copies: the console's key list. While a key and its copies are
     * unchanged it is the same object from call to call (the listing is brought up to date by what
     * changed), so a holder may keep what it made of a row while the row is the same; do not change
     * the list.
     */
    List<KeyWithCopies> listKeysWithCopies(KeyFilter filter);

    List<KeyCopy> copies(long handle);

    /** The copies of every key, for whole-cluster views (coverage per key, key count per node); do not change the list. */
    List<KeyCopy> allCopies();

    /**
     * Whether this open store is still the store of its cluster: false once the cluster was replaced
     * under it (its file or schema made anew, as a delete and create or an import does; its master key
     * changed). A holder that keeps a store open across commands (the client daemon) asks before each
     * and opens it again, so it never serves a replaced cluster. A server out of reach is a
     * {@link StoreException}, as for any read.
     */
    boolean isCurrent();

    long tokenKeyCount();

    /** Every PKI item (certificates and decrypted private keys), for a whole-cluster export. */
    List<IdentityItem> identities();

    /** The cluster-wide counters. */
    ClusterCounters counters();

    /** The PKI item of that name (certificate and decrypted private key), if the cluster has it. */
    Optional<IdentityItem> identity(String name);

    /** The highest audit seq ever assigned, even if that record was deleted since (0 when none). */
    long auditHighWater();

    /** Audit records with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
    List<AuditRecord> auditRecords(long afterSeq, int limit);

    /** The last attestation of every node that has one, by node id. */
    List<AttestationRecord> lastAttestations();

    /** Per node: copies held at {@code nowMillis} and copies still pending. */
    List<NodeCopyCount> copyCounts(long nowMillis);

    /** Changes whenever any process commits a change; cheap to poll. */
    long changeCounter();

    /**
     * Runs {@code call} (one request of an application: a PKCS#11 call) with its reads of single keys and their
     * copies ({@link #key}, {@link #copies}) checked against other processes' changes once, at the first of
     * them, as one read would be; the call's own commits are still seen at once. A store that checks every
     * read anyway runs it as it is.
     */
    default <T> T withOneKeyCheck(java.util.function.Supplier<T> call) {
        return call.get();
    }

    /**
     * Calls {@code listener}, on a thread of the store's, soon after any process or machine commits a
     * change to this cluster, and once after the store's channel was lost and is back (changes may have
     * been missed meanwhile). Empty when the store has no such channel: the caller then polls
     * {@link #changeCounter} (on SQLite a read of the local file, which costs microseconds). A store
     * on a server has one (PostgreSQL: {@code LISTEN/NOTIFY}), so watchers need not ask it over the
     * network several times a second.
     */
    default java.util.Optional<ChangeSubscription> subscribe(Runnable listener) {
        return java.util.Optional.empty();
    }

    <T> T write(Work<T> work);

    /**
     * {@link #write} with group commit: concurrent callers in this process may share one transaction
     * and its one durable commit. Each work runs as if alone (in its own savepoint, seeing the
     * earlier works of the batch): one that throws is undone alone and only its caller gets the
     * failure. Every caller returns only after the commit holding its work is durable, or with the
     * failure that kept it from committing. Other processes see nothing of a batch until its commit.
     *
     * <p>The work may run more than once, only its last run's writes kept: a store that writes
     * optimistically (PostgreSQL: answered from the cluster state of its own last commit, checked by
     * the write itself) runs it again under the cluster's lock when another writer came between. So
     * the work changes nothing outside the transaction, or does so in a way a second run repeats
     * rightly (the audit log's {@code Drain}).
     */
    <T> T writeShared(Work<T> work);

    /**
     * A write whose commit does not wait for the disk (WAL with synchronous NORMAL): it survives a
     * crash of the process but not a power cut. For batches that may be lost on power loss anyway,
     * such as buffered audit entries.
     */
    <T> T writeWithoutSync(Work<T> work);

    /**
     * Reserves {@code count} consecutive values of the cluster-wide handle counter; returns the first.
     * Committed without a disk sync: the handles go to session keys, which die with the process, and
     * any durable use of one (a promotion to a token key) commits with a sync that makes this earlier
     * reservation durable too — a write-ahead log is synced in order.
     */
    long reserveHandleCounters(int count);

    @Override
    void close();

    /** Work done inside one write transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Transaction tx);
    }

    /** What may be done inside a write transaction. */
    interface Transaction {
        ClusterRecord cluster();

        List<NodeRecord> nodes();

        long nextHandleCounter();

        /** Returns the next value of the round-robin counter used to pick a serving node. */
        long nextRoundRobin();

        long tokenKeyCount();

        boolean keyIdExists(String id);

        Optional<KeyRecord> key(long handle);

        Optional<UserRecord> userById(int id);

        Optional<UserRecord> userByName(String name);

        List<UserRecord> users();

        void insertKey(KeyRecord key, List<KeyCopy> copies);

        /** Inserts a key at its original place in creation order ({@code seq}), as an imported cluster had it. */
        void restoreKey(KeyRecord key, List<KeyCopy> copies, long seq);

        void updateKey(KeyRecord key);

        void deleteKey(long handle);

        List<KeyCopy> copies(long handle);

        /** Gives every pending copy on the node the time it becomes available. */
        void schedulePendingCopies(int nodeId, long availableAtMillis);

        void upsertNode(NodeRecord node);

        /** Seeds a node with every token key the source node holds, available at the given time. */
        void copyHeldKeys(int fromNode, int toNode, long nowMillis, long availableAtMillis);

        /** Removes the node, its key copies and its last attestation. */
        void deleteNode(int nodeId);

        /** Stores the node's last attestation, replacing the one before. */
        void putAttestation(AttestationRecord record);

        Optional<IdentityItem> identity(String name);

        void putIdentity(IdentityItem item);

        /** The hash of the newest audit record, or null when the log is empty. */
        byte[] lastAuditHash();

        /** The seq the next audit record gets: one past the highest ever used (deleted ones included). */
        long nextAuditSeq();

        void appendAudit(AuditRecord record);

        /** Deletes every identity item whose name starts with the prefix. */
        void deleteIdentities(String namePrefix);

        UserRecord insertUser(String name, UserType type, String passwordHash);

        /** Inserts a user with its own ID and state, as an imported cluster had it. */
        void restoreUser(UserRecord user);

        /** Sets the cluster-wide counters, as an imported cluster had them. */
        void restoreCounters(ClusterCounters counters);

        void updateUser(UserRecord user);

        void deleteUser(int userId);

        int countKeysOwnedBy(int userId);

        /** How many token keys have this OBJ_ATTR_CLASS (the asymmetric quota counts classes 2 and 3). */
        long countKeysOfClass(int keyClass);
    }
}
