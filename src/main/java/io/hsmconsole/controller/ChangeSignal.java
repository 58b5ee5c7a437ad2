package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.store.ChangeSubscription;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the watcher's next tick should look at the store. A store on a server (team mode) tells
 * us when any machine commits a change, so a tick with nothing heard costs no query; a store
 * without that channel (SQLite, whose counter read is a local file read) is looked at on every
 * tick. Follows the workspace when it switches clusters.
 */
final class ChangeSignal implements AutoCloseable {
    private final AtomicBoolean heard = new AtomicBoolean(true);
    private HsmCluster followed;
    private ChangeSubscription subscription;

    /** True when the store may have changed since the last true answer (always, without notifications). */
    synchronized boolean mayHaveChanged(HsmCluster cluster) {
        if (cluster != followed) {
            follow(cluster);
        }
        return subscription == null || heard.getAndSet(false);
    }

    /** A look that failed is looked at again on the next tick. */
    void lookAgain() {
        heard.set(true);
    }

    private void follow(HsmCluster cluster) {
        close();
        followed = cluster;
        heard.set(true);
        subscription = cluster.subscribe(() -> heard.set(true)).orElse(null);
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        followed = null;
    }
}
