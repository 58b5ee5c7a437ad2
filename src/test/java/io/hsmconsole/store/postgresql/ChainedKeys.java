package io.hsmconsole.store.postgresql;

import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.LongFunction;

/** What a key creation writes, for store tests: the next handle, an audit record chained to the last, the key. */
final class ChainedKeys {
    static final int OWNER = 1;

    private ChainedKeys() {
    }

    /** Makes one AES key of user {@link #OWNER} with the copies given for its handle; returns the handle. */
    static long make(ClusterStore.Transaction tx, LongFunction<List<KeyCopy>> copies) {
        return make(tx, copies, List.of());
    }

    /** The same, shared with the users {@code sharedWith}. */
    static long make(ClusterStore.Transaction tx, LongFunction<List<KeyCopy>> copies, List<Integer> sharedWith) {
        long handle = tx.nextHandleCounter();
        long seq = tx.nextAuditSeq();
        byte[] previous = tx.lastAuditHash();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (previous != null) {
            sha.update(previous);
        }
        byte[] hash = sha.digest(Long.toString(seq).getBytes(StandardCharsets.UTF_8));
        tx.appendAudit(new AuditRecord(seq, 0, 1, OWNER, "cu", "genSymKey", "handle " + handle, 0, previous, hash));
        tx.insertKey(KeyRecord.builder().handle(handle).ownerId(OWNER).keyClass(KeyClass.SECRET_KEY).keyType(KeyAlgorithm.AES)
                .sizeBytes(32).label("k" + handle).originNode(1).sharedWith(sharedWith).material(new byte[32]).build(), copies.apply(handle));
        return handle;
    }
}
