package io.hsmconsole.service;

import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ChangeSubscription;
import io.hsmconsole.store.ClusterCounters;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeCopyCount;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.UserRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One served call's use of a store {@link KeptStores} keeps open: everything goes to that store,
 * except {@code close}, which hands it back (once) instead of closing it. A lease used after its
 * close is refused, as a closed store would be.
 */
final class KeptStore implements ClusterStore {
    private final KeptStores.Kept kept;
    private final AtomicBoolean closed = new AtomicBoolean();

    KeptStore(KeptStores.Kept kept) {
        this.kept = kept;
    }

    private ClusterStore store() {
        if (closed.get()) {
            throw new StoreException(kept.store().location(), "this call's use of the cluster store has ended");
        }
        return kept.store();
    }

    @Override
    public Path location() {
        return kept.store().location();
    }

    @Override
    public ClusterRecord cluster() {
        return store().cluster();
    }

    @Override
    public List<NodeRecord> nodes() {
        return store().nodes();
    }

    @Override
    public List<UserRecord> users() {
        return store().users();
    }

    @Override
    public Optional<UserRecord> userByName(String name) {
        return store().userByName(name);
    }

    @Override
    public Optional<UserRecord> userById(int id) {
        return store().userById(id);
    }

    @Override
    public Optional<KeyRecord> key(long handle) {
        return store().key(handle);
    }

    @Override
    public List<Long> findKeys(KeyFilter filter) {
        return store().findKeys(filter);
    }

    @Override
    public List<KeyRecord> listKeys(KeyFilter filter) {
        return store().listKeys(filter);
    }

    @Override
    public List<KeyCopy> copies(long handle) {
        return store().copies(handle);
    }

    @Override
    public List<io.hsmconsole.store.KeyWithCopies> listKeysWithCopies(KeyFilter filter) {
        return store().listKeysWithCopies(filter);
    }

    @Override
    public List<KeyCopy> allCopies() {
        return store().allCopies();
    }

    @Override
    public boolean isCurrent() {
        return store().isCurrent();
    }

    @Override
    public long tokenKeyCount() {
        return store().tokenKeyCount();
    }

    @Override
    public List<IdentityItem> identities() {
        return store().identities();
    }

    @Override
    public ClusterCounters counters() {
        return store().counters();
    }

    @Override
    public Optional<IdentityItem> identity(String name) {
        return store().identity(name);
    }

    @Override
    public long auditHighWater() {
        return store().auditHighWater();
    }

    @Override
    public List<AuditRecord> auditRecords(long afterSeq, int limit) {
        return store().auditRecords(afterSeq, limit);
    }

    @Override
    public List<AttestationRecord> lastAttestations() {
        return store().lastAttestations();
    }

    @Override
    public List<NodeCopyCount> copyCounts(long nowMillis) {
        return store().copyCounts(nowMillis);
    }

    @Override
    public long changeCounter() {
        return store().changeCounter();
    }

    @Override
    public Optional<ChangeSubscription> subscribe(Runnable listener) {
        return store().subscribe(listener);
    }

    @Override
    public <T> T write(Work<T> work) {
        return store().write(work);
    }

    @Override
    public <T> T writeShared(Work<T> work) {
        return store().writeShared(work);
    }

    @Override
    public <T> T writeWithoutSync(Work<T> work) {
        return store().writeWithoutSync(work);
    }

    @Override
    public long reserveHandleCounters(int count) {
        return store().reserveHandleCounters(count);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            kept.release();
        }
    }
}
