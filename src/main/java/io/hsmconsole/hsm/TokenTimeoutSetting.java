package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.TokenTimeouts;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.StoreException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The cluster's token timeouts ({@code quorum token-sign set-timeout}), kept as the officers' m values
 * are ({@link OfficerQuorum}): one identity item, so both store backends keep it, every process and
 * machine reads the same value, and a cluster export carries it. A cluster that never set them has
 * the page's 600 and 600. The item holds {@code <generated> <approved>} in ASCII; its name is outside
 * the tokens' prefix, so deleting every token ({@code --scope all}) leaves it.
 */
final class TokenTimeoutSetting {
    static final String NAME = "quorum/token-timeouts";

    private TokenTimeoutSetting() {
    }

    static TokenTimeouts read(ClusterStore store) {
        return parse(store.identity(NAME), store.location());
    }

    static TokenTimeouts read(ClusterStore.Transaction tx, Path location) {
        return parse(tx.identity(NAME), location);
    }

    static void write(ClusterStore.Transaction tx, TokenTimeouts timeouts) {
        String text = timeouts.generatedSeconds() + " " + timeouts.approvedSeconds();
        tx.putIdentity(new IdentityItem(NAME, text.getBytes(StandardCharsets.US_ASCII), null));
    }

    private static TokenTimeouts parse(Optional<IdentityItem> item, Path location) {
        if (item.isEmpty()) {
            return TokenTimeouts.DEFAULT;
        }
        String text = new String(item.get().certificate(), StandardCharsets.US_ASCII);
        String[] parts = text.split(" ");
        try {
            return new TokenTimeouts(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw new StoreException(location, "the cluster's token timeouts are damaged: \"" + text + "\"");
        }
    }
}
