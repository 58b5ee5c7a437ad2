package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Client SDK 5's key availability quorum (AWS user guide, "Key synchronization", Client SDK 5
 * concepts): a token key must exist on at least two HSMs of the cluster before an application may use
 * it, and a create returns only once it does. The SDK's libraries enforce it unless configured with
 * {@code --disable-key-availability-check} ({@link AvailabilityCheck}); key_mgmt_util does not ask.
 */
final class KeyAvailability {
    static final int QUORUM = AvailabilityQuorum.HSMS;
    /** How long a create waits for the second HSM: the demo cluster's slowest node needs 250 ms. */
    static final int CREATE_TIMEOUT_SECONDS = 5;

    private final HsmCluster cluster;
    private final HsmSession session;

    KeyAvailability(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    HsmResult<GeneratedKey> generate(GenSymKeyRequest request) {
        return generate(request, session::generateSymmetricKey);
    }

    /** As above, the key made by {@code make} (genSymKey, or SDK 5's generation with its attributes). */
    HsmResult<GeneratedKey> generate(GenSymKeyRequest request, Function<GenSymKeyRequest, HsmResult<GeneratedKey>> make) {
        return generate(request, make, AvailabilityCheck.ON);
    }

    /**
     * As above under the client's setting ({@link AvailabilityCheck}): with the check off a token key is
     * made with {@code -min_srv 1}, returned once the HSM that made it holds it.
     */
    HsmResult<GeneratedKey> generate(GenSymKeyRequest request, Function<GenSymKeyRequest, HsmResult<GeneratedKey>> make,
                                     AvailabilityCheck check) {
        if (check == AvailabilityCheck.OFF) {
            return make.apply(AvailabilityCheck.onOneHsm(request));
        }
        return whenAvailable(request.session(), () -> make.apply(request),
                () -> make.apply(request.withMinServers(QUORUM).withTimeoutSeconds(CREATE_TIMEOUT_SECONDS)));
    }

    /** C_UnwrapKey under the same rule as a create: a token key is returned once two HSMs hold it. */
    HsmResult<GeneratedKey> unwrap(byte[] ciphertext, long wrappingHandle, int mechanismCode, KeyTemplate template,
                                   KeyOptions options) {
        return create(options, o -> session.transfers().unwrapKey(ciphertext, wrappingHandle, mechanismCode, template, o,
                SyncObserver.NONE));
    }

    /** Any create of one secret key with these options ({@code make}): a token key waits for a second HSM. */
    HsmResult<GeneratedKey> create(KeyOptions options, Function<KeyOptions, HsmResult<GeneratedKey>> make) {
        return create(options, make, AvailabilityCheck.ON);
    }

    /** As above under the client's setting: with the check off a token key returns once its own HSM holds it. */
    HsmResult<GeneratedKey> create(KeyOptions options, Function<KeyOptions, HsmResult<GeneratedKey>> make,
                                   AvailabilityCheck check) {
        if (check == AvailabilityCheck.OFF) {
            return make.apply(AvailabilityCheck.onOneHsm(options));
        }
        KeyOptions waiting = options.withWait(QUORUM, CREATE_TIMEOUT_SECONDS);
        return whenAvailable(options.session(), () -> make.apply(options), () -> make.apply(waiting));
    }

    /** C_GenerateKeyPair under the same rule: both halves are returned once two HSMs hold them. */
    HsmResult<GeneratedPair> generatePair(KeyPairRequest request) {
        KeyOptions o = request.options();
        KeyPairRequest waiting = new KeyPairRequest(request.type(), request.modulusBits(), request.publicExponent(),
                request.curveId(), o.withWait(QUORUM, CREATE_TIMEOUT_SECONDS));
        return whenAvailable(o.session(), () -> session.pairs().generateKeyPair(request, SyncObserver.NONE),
                () -> session.pairs().generateKeyPair(waiting, SyncObserver.NONE));
    }

    /** A session key as it is; a token key made with min_srv 2, and not at all on a one-HSM cluster. */
    private <T> HsmResult<T> whenAvailable(boolean sessionKey, Supplier<HsmResult<T>> plain,
                                           Supplier<HsmResult<T>> onTwoHsms) {
        if (sessionKey) {
            return plain.get();
        }
        if (cluster.nodeRecords().size() < QUORUM) {
            // One HSM can never hold two copies: nothing is made (and min_srv 2 would be a usage error).
            return HsmResult.fail(ReturnCode.KEY_NOT_AVAILABLE,
                    NodeLines.all(cluster.nodeRecords(), cluster.servingNodeId(), ReturnCode.KEY_NOT_AVAILABLE));
        }
        HsmResult<T> made = onTwoHsms.get();
        if (made.code() == ReturnCode.MIN_SRV_NOT_REACHED) {
            return new HsmResult<>(ReturnCode.KEY_NOT_AVAILABLE, made.nodes(), made.value()); // rolled back
        }
        return made;
    }

    HsmResult<Void> check(KeyRecord key) {
        if (!HsmSession.isToken(key)) {
            return session.ok(key, null);
        }
        Set<Integer> online = cluster.nodeRecords().stream().filter(NodeRecord::online).map(NodeRecord::id)
                .collect(Collectors.toSet());
        return AvailabilityQuorum.met(true, session.holdingNodes(key), online) ? session.ok(key, null)
                : session.fail(ReturnCode.KEY_NOT_AVAILABLE, key);
    }
}
