package io.hsmconsole.text;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.SyncObserver;

/**
 * What KMU shows while a new key waits for {@code -min_srv} nodes (reference §2): once a second,
 * {@code Checking key status (<n> seconds)..} and every node's answer for the key (as the tool's
 * {@code Cfm3FindSingleKey} poll). The handle is announced before the first check; a wait shorter
 * than a second prints nothing.
 */
public final class KeySyncProgress implements SyncObserver {
    private final KmuPrinter printer;
    private final HsmSession session;
    private final String createdText;
    private long lastSecond;

    public KeySyncProgress(KmuPrinter printer, HsmSession session, String createdText) {
        this.printer = printer;
        this.session = session;
        this.createdText = createdText;
    }

    @Override
    public void waiting(long handle, int nodesHolding, int nodesRequired, long elapsedMillis) {
        long second = elapsedMillis / 1000;
        if (second < 1 || second <= lastSecond) {
            return;
        }
        if (lastSecond == 0) {
            printer.line(createdText + "  Key Handle: " + handle);
        }
        lastSecond = second;
        printer.line("Checking key status (" + second + " seconds)..");
        printer.clusterBlock(session.keyInfo(handle).nodes());
        printer.out().flush();
    }

    /** Whether the handle was announced while waiting. */
    public boolean announced() {
        return lastSecond > 0;
    }
}
