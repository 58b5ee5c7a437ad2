package io.hsmconsole.hsm;

import io.hsmconsole.store.KeyCopy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Client SDK 5's key availability quorum as a question about a key's coverage right now (AWS user guide,
 * "Key synchronization" and the troubleshooting page "Key availability check"): may an SDK 5 application
 * (the PKCS#11 library, JCE, OpenSSL Dynamic Engine, CloudHSM CLI) with the check on — the default — use
 * a key held by these nodes? A session key always (it lives on one HSM by nature); a token key only while
 * at least {@link #HSMS} online HSMs hold it. The same rule the SDK 5 paths enforce
 * ({@link HsmSession#checkKeyAvailability}); the console asks it here to mark keys, never counts itself.
 */
public final class AvailabilityQuorum {
    /** How many HSMs must hold a token key before SDK 5 uses it. */
    public static final int HSMS = 2;
    /** The documented requirement, the second half of SDK 5's log line "Key … does not meet the availability requirements - …". */
    public static final String REQUIREMENT = "The key must be available on at least " + HSMS + " HSMs before being used";

    private AvailabilityQuorum() {
    }

    /** Whether SDK 5 (check on) may use a key: a session key always, a token key on {@link #HSMS} online HSMs. */
    public static boolean met(boolean token, Collection<Integer> holding, Set<Integer> onlineNodes) {
        if (!token) {
            return true;
        }
        int available = 0;
        for (Integer node : holding) {
            if (onlineNodes.contains(node)) {
                available++;
            }
        }
        return available >= HSMS;
    }

    /**
     * How many of the cluster's token keys SDK 5 cannot use at {@code nowMillis}: those held by fewer
     * than {@link #HSMS} online HSMs (a copy still on its way does not count; a copy on an offline node
     * neither). {@code copies} are every token key's copies, offline nodes' included.
     */
    static long tokenKeysBelow(Collection<KeyCopy> copies, Set<Integer> onlineNodes, long nowMillis) {
        Map<Long, Integer> availableOn = new HashMap<>();
        for (KeyCopy c : copies) {
            boolean counts = c.heldAt(nowMillis) && onlineNodes.contains(c.nodeId());
            availableOn.merge(c.handle(), counts ? 1 : 0, Integer::sum);
        }
        return availableOn.values().stream().filter(n -> n < HSMS).count();
    }
}
