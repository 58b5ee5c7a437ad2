package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Handles;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session keys of one login: kept in memory only, on the session's node, gone when the
 * session ends. Handles come from the cluster-wide counter like token keys, reserved in growing
 * blocks (1, 2, 4 … 1024) so a bulk run does not pay a store write per key while a single key still
 * gets the next handle in sequence.
 */
final class SessionKeys {
    private static final int MAX_BLOCK = 1024;

    private final ClusterStore store;
    private final ParsedKeys parsed;
    private final Map<Long, KeyRecord> keys = new LinkedHashMap<>();
    private long nextCounter;
    private long endCounter;
    private int blockSize = 1;

    SessionKeys(ClusterStore store, ParsedKeys parsed) {
        this.store = store;
        this.parsed = parsed;
    }

    synchronized long nextHandle(int node) {
        if (nextCounter >= endCounter) {
            nextCounter = store.reserveHandleCounters(blockSize);
            endCounter = nextCounter + blockSize;
            blockSize = Math.min(MAX_BLOCK, blockSize * 2);
        }
        return Handles.of(node, nextCounter++);
    }

    synchronized void put(KeyRecord key) {
        keys.put(key.handle(), key);
    }

    synchronized Optional<KeyRecord> get(long handle) {
        return Optional.ofNullable(keys.get(handle));
    }

    synchronized void remove(long handle) {
        keys.remove(handle);
        parsed.forget(List.of(handle));
    }

    synchronized List<KeyRecord> all() {
        return new ArrayList<>(keys.values());
    }

    synchronized boolean idInUse(String id) {
        return !id.isEmpty() && keys.values().stream().anyMatch(k -> k.id().equals(id));
    }

    /** Forgets these keys (handles of other keys are ignored); their material is overwritten first. */
    synchronized void forget(java.util.Collection<Long> handles) {
        for (Long handle : handles) {
            KeyRecord key = keys.remove(handle);
            if (key != null) {
                java.util.Arrays.fill(key.material(), (byte) 0);
            }
        }
        parsed.forget(handles);
    }

    /** Forgets every key; their material is overwritten first. */
    synchronized void clear() {
        keys.values().forEach(k -> java.util.Arrays.fill(k.material(), (byte) 0));
        parsed.forget(keys.keySet());
        keys.clear();
    }
}
