package io.hsmconsole.service;

import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.StoreCheck;
import io.hsmconsole.store.StoreException;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's cluster stores, kept open across the calls it serves: a call through the daemon then
 * reuses the store its predecessor opened (on PostgreSQL its pool of connections, so no new
 * connections, no schema and master-key checks per call; on either backend its remembered listings,
 * {@code store.ListingCache}) instead of opening the cluster anew.
 *
 * <p>Nothing is served stale by this: every read still goes to the store, so a key another process
 * or machine made is there on the next call; and before each call the kept store is asked whether it
 * is still the cluster's store ({@link ClusterStore#isCurrent}: not when the cluster was made anew, its
 * master key changed, or an owner or permission changed that a fresh open checks): if not, it is
 * opened again, and the open's own checks decide. A store that fails that question (a server out of
 * reach) is dropped and the failure is the call's answer (the shells print it in one line); the next
 * call opens it again, once the server is back.
 *
 * <p>Each call gets a lease ({@link KeptStore}) whose {@code close} hands the store back; a store
 * dropped while leased is closed when its last lease is. At most {@link #MAX_KEPT} clusters are kept
 * (the least recently used is dropped first): each holds connections on a server.
 */
public final class KeptStores implements StoreBackend, AutoCloseable {
    static final int MAX_KEPT = 4;

    private final StoreBackend backend;
    private final Map<Path, Kept> kept = new LinkedHashMap<>(8, 0.75f, true);
    private boolean closed;

    public KeptStores(StoreBackend backend) {
        this.backend = backend;
    }

    /** One open store and how many calls hold it. */
    static final class Kept {
        private final ClusterStore store;
        private int leases;
        private boolean dropped;

        private Kept(ClusterStore store) {
            this.store = store;
        }

        ClusterStore store() {
            return store;
        }

        /** Called by a lease's close. */
        void release() {
            boolean close;
            synchronized (this) {
                leases--;
                close = dropped && leases == 0;
            }
            if (close) {
                store.close();
            }
        }

        private void drop() {
            boolean close;
            synchronized (this) {
                dropped = true;
                close = leases == 0;
            }
            if (close) {
                store.close();
            }
        }

        private synchronized KeptStore lease() {
            leases++;
            return new KeptStore(this);
        }
    }

    @Override
    public boolean exists(Path clusterDir) {
        return current(clusterDir) != null || backend.exists(clusterDir);
    }

    /** The backend's own check: it asks the store afresh, as a user choosing a cluster expects. */
    @Override
    public StoreCheck check(Path clusterDir) {
        return backend.check(clusterDir);
    }

    @Override
    public ClusterStore open(Path clusterDir, SecureRandom random) {
        Kept k = current(clusterDir);
        if (k != null) {
            return k.lease();
        }
        return keep(clusterDir, backend.open(clusterDir, random));
    }

    @Override
    public ClusterStore create(Path clusterDir, ClusterRecord cluster, List<NodeRecord> nodes, ClusterStore.Work<?> seed,
                               SecureRandom random) {
        return keep(clusterDir, backend.create(clusterDir, cluster, nodes, seed, random));
    }

    /** The kept store of the folder if it is still its cluster's store; a stale or failing one is dropped. */
    private Kept current(Path clusterDir) {
        Kept k;
        synchronized (this) {
            k = kept.get(clusterDir);
        }
        if (k == null) {
            return null;
        }
        boolean current;
        try {
            current = k.store().isCurrent();
        } catch (StoreException e) {
            dropIf(clusterDir, k);
            throw e;
        }
        if (!current) {
            dropIf(clusterDir, k);
            return null;
        }
        return k;
    }

    private KeptStore keep(Path clusterDir, ClusterStore store) {
        Kept k = new Kept(store);
        KeptStore lease = k.lease();
        List<Kept> dropped = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                dropped.add(k); // the daemon is stopping: this call's store is closed with its lease
            } else {
                Kept before = kept.put(clusterDir, k);
                if (before != null) {
                    dropped.add(before);
                }
                while (kept.size() > MAX_KEPT) {
                    Path eldest = kept.keySet().iterator().next();
                    dropped.add(kept.remove(eldest));
                }
            }
        }
        dropped.forEach(Kept::drop);
        return lease;
    }

    private void dropIf(Path clusterDir, Kept k) {
        synchronized (this) {
            if (!kept.remove(clusterDir, k)) {
                return;
            }
        }
        k.drop();
    }

    /** Drops every kept store (each is closed now, or when its last call ends). */
    @Override
    public void close() {
        List<Kept> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(kept.values());
            kept.clear();
        }
        all.forEach(Kept::drop);
    }
}
