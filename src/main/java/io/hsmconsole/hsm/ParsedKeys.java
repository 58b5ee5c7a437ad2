package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.RsaPrivateOperation;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Key pairs' material as BouncyCastle objects, kept in memory per key handle so that a signature does
 * not decode the stored DER (and rebuild the RSA blinding state) on every call. An entry is used only
 * while the record's material is byte for byte the one it was made from: a key deleted and its handle
 * given again, or the same handle read from another store, decodes afresh. Nothing here reaches the
 * disk: the store keeps its material sealed as before; this is the in-memory form a signature builds
 * anyway. A key deleted here, or a session key whose session ends, is forgotten at once (its DER copy
 * overwritten, as {@link SessionKeys} overwrites its own); the least recently used entries go past
 * {@value #CAPACITY} keys.
 */
final class ParsedKeys {
    static final int CAPACITY = 1024;

    private final Map<Long, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The key's material if it is half of a pair, decoded once per material. */
    Optional<AsymmetricMaterial> material(KeyRecord key) {
        return entry(key).material();
    }

    /** The private-key operation of an RSA private key (its blinding kept with it); empty for any other key. */
    Optional<RsaPrivateOperation> rsaPrivate(KeyRecord key) {
        return entry(key).rsa();
    }

    /** Drops these keys' entries (deleted, or their session ended). */
    void forget(Collection<Long> handles) {
        synchronized (entries) {
            for (Long handle : handles) {
                Entry e = entries.remove(handle);
                if (e != null) {
                    Arrays.fill(e.der(), (byte) 0);
                }
            }
        }
    }

    private Entry entry(KeyRecord key) {
        synchronized (entries) {
            Entry e = entries.get(key.handle());
            if (e != null && e.keyClass() == key.keyClass().code() && MessageDigest.isEqual(e.der(), key.material())) {
                return e;
            }
        }
        // Decoded outside the lock: two threads may both decode a new key; either entry is right.
        Entry made = Entry.of(key);
        synchronized (entries) {
            entries.put(key.handle(), made);
        }
        return made;
    }

    private record Entry(int keyClass, byte[] der, Optional<AsymmetricMaterial> material,
                         Optional<RsaPrivateOperation> rsa) {
        static Entry of(KeyRecord key) {
            Optional<AsymmetricMaterial> m = AsymmetricMaterial.of(key.keyClass().code(), key.material());
            Optional<RsaPrivateOperation> rsa = m.map(AsymmetricMaterial::key)
                    .filter(k -> k instanceof RSAPrivateCrtKeyParameters)
                    .map(k -> new RsaPrivateOperation((RSAPrivateCrtKeyParameters) k));
            return new Entry(key.keyClass().code(), key.material().clone(), m, rsa);
        }
    }
}
