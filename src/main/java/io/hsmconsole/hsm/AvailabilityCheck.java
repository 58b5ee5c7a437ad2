package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;

/**
 * Client SDK 5's client key durability setting (AWS user guide, "Key synchronization", and the configure
 * tools' {@code --disable-key-availability-check} / {@code --enable-key-availability-check}), as a client
 * hands it to the simulator with an SDK 5 create.
 * <ul>
 *   <li>{@link #ON} (the SDK's default): a token key is returned once {@link KeyAvailability#QUORUM} HSMs
 *       hold it; a cluster that cannot get it there refuses ({@link ReturnCode#KEY_NOT_AVAILABLE}), the key
 *       rolled back.</li>
 *   <li>{@link #OFF}: a token key is returned as soon as the HSM that made it holds it ({@code -min_srv 1}):
 *       the opt-out drops the two-HSM requirement ("use this setting to run a single HSM cluster"), and the
 *       other HSMs receive the key after their latency, as server-side synchronization does. It does not
 *       wait for every online HSM as key_mgmt_util's create without {@code -min_srv} does.</li>
 * </ul>
 * Session keys are never replicated and are made at once either way. Which HSMs hold the key is the
 * store's truth in both cases: {@code cluster-coverage} and the console show it as it is.
 */
public enum AvailabilityCheck {
    ON, OFF;

    /** The HSMs a token key must be on before a create with the check off returns: the one that made it. */
    private static final int ON_ONE_HSM = 1;

    /** A create's options with the check off: a token key returns once its own HSM holds it; a session key is never replicated. */
    public static KeyOptions onOneHsm(KeyOptions options) {
        return options.session() ? options : options.withMinServers(ON_ONE_HSM);
    }

    /** The same for a symmetric key's generation request. */
    public static GenSymKeyRequest onOneHsm(GenSymKeyRequest request) {
        return request.session() ? request : request.withMinServers(ON_ONE_HSM);
    }
}
