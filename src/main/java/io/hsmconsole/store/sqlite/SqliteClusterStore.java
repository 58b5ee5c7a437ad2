package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterCounters;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.KeyWithCopies;
import io.hsmconsole.store.ListingCache;
import io.hsmconsole.store.NodeCopyCount;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.UserRecord;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The SQLite store of one cluster: {@code cluster.db} (WAL mode, synchronous FULL, so an
 * acknowledged write survives a crash) and {@code master.key} in an owner-only folder. One
 * connection per process; write transactions begin IMMEDIATE so that concurrent processes
 * serialise on SQLite's own lock. Opening and creating the files is {@link ClusterDbFiles}'s work,
 * the queries {@link SqliteReads}', the write transactions {@link SqliteWriter}'s.
 */
public final class SqliteClusterStore implements ClusterStore {
    public static final String DB_FILE = ClusterDbFiles.DB_FILE;

    private final SqliteDatabase db;
    private final SqliteReads reads;
    private final SqliteWriter writer;
    private final ListingCache listings = new ListingCache();
    /**
     * Single keys and their copies as last read, while no key, share or copy changed: an application
     * asks for one key's attributes one at a time (pkcs11-tool reads 21 of a new key), and each read
     * was a query, a second one for the shares, one for the copies and the material's decryption.
     * Kept apart from the listings so that they do not push each other out.
     */
    private final ListingCache singleKeys = new ListingCache();
    /** A call's key reads share one look at the key-change counter ({@link #withOneKeyCheck}). */
    private final OneKeyCheck oneKeyCheck = new OneKeyCheck();

    SqliteClusterStore(SqliteDatabase db) {
        this.db = db;
        this.reads = new SqliteReads(db);
        this.writer = new SqliteWriter(db, () -> new SqliteTransaction(db, reads), this::close, this::remember);
    }

    /** Keys just committed, remembered as a read at their counter value would return them ({@link InsertedKeys}). */
    private void remember(InsertedKeys committed) {
        for (InsertedKeys.Inserted k : committed.all()) {
            singleKeys.put(List.of("key", k.key().handle()), k.keyChanges(), List.of(k.key()));
            singleKeys.put(List.of("copies", k.key().handle()), k.keyChanges(), k.copies());
        }
    }

    /** True when the folder holds a cluster store (it may still turn out to be damaged). */
    public static boolean exists(Path clusterDir) {
        return ClusterDbFiles.exists(clusterDir);
    }

    /** Opens an existing store; a damaged, foreign or newer file is reported and never modified. */
    public static SqliteClusterStore open(Path clusterDir, SecureRandom random) {
        return ClusterDbFiles.open(clusterDir, random);
    }

    /**
     * Creates a new store in an empty folder. The database is built under a temporary name and
     * renamed only when complete, so a failure never leaves a half-made cluster behind.
     */
    public static SqliteClusterStore create(Path clusterDir, ClusterRecord cluster, List<NodeRecord> nodes,
                                            Work<?> seed, SecureRandom random) {
        return ClusterDbFiles.create(clusterDir, cluster, nodes, seed, random);
    }

    @Override
    public Path location() {
        return db.path();
    }

    @Override
    public ClusterRecord cluster() {
        return db.query(reads::cluster);
    }

    @Override
    public List<NodeRecord> nodes() {
        return db.query(reads::nodes);
    }

    @Override
    public List<UserRecord> users() {
        return db.query(reads::users);
    }

    @Override
    public Optional<UserRecord> userByName(String name) {
        return db.query(() -> reads.userByName(name));
    }

    @Override
    public Optional<UserRecord> userById(int id) {
        return db.query(() -> reads.userById(id));
    }

    @Override
    public Optional<KeyRecord> key(long handle) {
        List<KeyRecord> read = db.query(() -> singleKeys.get(List.of("key", handle), keyChangesForOneKey(),
                () -> reads.key(handle).map(List::of).orElse(List.of())));
        // Each caller gets its own copy of the material: some wipe it after use.
        return read.stream().findFirst().map(k -> k.toBuilder().material(k.material().clone()).build());
    }

    @Override
    public List<Long> findKeys(KeyFilter filter) {
        // Listings of many keys are remembered and follow changes (ListingCache); a search by label, ID or
        // KCV uses its index.
        return db.query(() -> filter.hasKeyCriteria() ? reads.findKeys(filter, null).rows()
                : remembered(List.of("findKeys", filter), false, among -> reads.findKeys(filter, among)));
    }

    @Override
    public List<KeyRecord> listKeys(KeyFilter filter) {
        return db.query(() -> filter.hasKeyCriteria() ? reads.listKeys(filter, null).rows()
                : remembered(List.of("listKeys", filter), false, among -> reads.listKeys(filter, among)));
    }

    @Override
    public List<KeyWithCopies> listKeysWithCopies(KeyFilter filter) {
        ListingCache.Rows<KeyWithCopies, SQLException> read = among -> KeyWithCopies.join(reads.listKeys(filter, among),
                reads.copies(among).rows());
        return db.query(() -> filter.hasKeyCriteria() ? read.read(null).rows()
                : remembered(List.of("listKeysWithCopies", filter), true, read));
    }

    @Override
    public List<KeyCopy> copies(long handle) {
        return db.query(() -> singleKeys.get(List.of("copies", handle), keyChangesForOneKey(), () -> reads.copies(handle)));
    }

    /** The counter a read of one key or its copies is checked against: the call's one look inside {@link #withOneKeyCheck}. */
    private ListingCache.KeyChanges keyChangesForOneKey() throws SQLException {
        return oneKeyCheck.keyChanges(db.localCommits(), reads::keyChanges);
    }

    @Override
    public <T> T withOneKeyCheck(Supplier<T> call) {
        return oneKeyCheck.during(call);
    }

    @Override
    public List<KeyCopy> allCopies() {
        return db.query(() -> remembered("allCopies", true, reads::copies));
    }

    /** A listing remembered under the key-change counter, read before its rows (ListingCache). */
    private <T> List<T> remembered(Object key, boolean followsCopies, ListingCache.Rows<T, SQLException> read)
            throws SQLException {
        return listings.get(key, reads.keyChanges(), followsCopies, reads::changedSince, read);
    }

    @Override
    public boolean isCurrent() {
        return db.isCurrent();
    }

    @Override
    public long tokenKeyCount() {
        return db.query(reads::tokenKeyCount);
    }

    @Override
    public long auditHighWater() {
        return db.query(reads::auditHighWater);
    }

    @Override
    public List<AuditRecord> auditRecords(long afterSeq, int limit) {
        return db.query(() -> reads.auditRecords(afterSeq, limit));
    }

    @Override
    public List<IdentityItem> identities() {
        return db.query(reads::identities);
    }

    @Override
    public ClusterCounters counters() {
        return db.query(reads::counters);
    }

    @Override
    public Optional<IdentityItem> identity(String name) {
        return db.query(() -> reads.identity(name));
    }

    @Override
    public List<AttestationRecord> lastAttestations() {
        return db.query(reads::lastAttestations);
    }

    @Override
    public List<NodeCopyCount> copyCounts(long nowMillis) {
        return db.query(() -> reads.copyCounts(nowMillis));
    }

    @Override
    public long changeCounter() {
        return db.query(reads::changeCounter);
    }

    @Override
    public <T> T write(Work<T> work) {
        return writer.write(work);
    }

    @Override
    public <T> T writeShared(Work<T> work) {
        return writer.writeShared(work);
    }

    @Override
    public <T> T writeWithoutSync(Work<T> work) {
        return writer.writeWithoutSync(work);
    }

    @Override
    public long reserveHandleCounters(int count) {
        return writeWithoutSync(tx -> ((SqliteTransaction) tx).advanceCounter("handle_counter", count));
    }

    /** SQLite's {@code PRAGMA synchronous} on this store's connection now: 2 (FULL) but inside {@link #writeWithoutSync}. */
    int synchronousMode() {
        return db.query(() -> {
            try (java.sql.ResultSet rs = db.prepared("PRAGMA synchronous").executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        });
    }

    /** Shared writes queued behind the running batch (tests use it to build a batch of several). */
    int sharedWritesWaiting() {
        return writer.sharedWritesWaiting();
    }

    @Override
    public void close() {
        db.close();
    }
}
