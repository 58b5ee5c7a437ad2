package io.hsmconsole.hsm;

import io.hsmconsole.store.KeyRecord;

import java.util.Optional;

/**
 * Test-only: the plaintext of a key as the simulator holds it, read past every rule (a
 * non-extractable key included), so leak tests know which bytes must never show up anywhere.
 */
public final class KeyMaterialProbe {
    private KeyMaterialProbe() {
    }

    /** A token key's material, from the store. */
    public static Optional<byte[]> tokenKey(HsmCluster cluster, long handle) {
        return cluster.store().key(handle).map(k -> k.material().clone());
    }

    /** A session key's material, from the session that made it. */
    public static Optional<byte[]> sessionKey(HsmSession session, long handle) {
        return session.keys().get(handle).map(k -> k.material().clone()); // a copy: logout wipes the original
    }
}
