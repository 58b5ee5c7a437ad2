package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.store.NodeRecord;
import org.bouncycastle.crypto.params.DESedeParameters;

import java.util.List;
import java.util.Optional;

/** genSymKey inside the HSM: type, size and FIPS rules, then key material from the DRBG. */
final class KeyGeneration {
    private final HsmCluster cluster;
    private final HsmSession session;
    private final KeyCreation creation;

    KeyGeneration(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
        this.creation = new KeyCreation(cluster, session);
    }

    HsmResult<GeneratedKey> generate(GenSymKeyRequest req, SyncObserver observer) {
        return generate(req, observer, java.util.function.LongUnaryOperator.identity());
    }

    /** As above, the boolean attributes chosen by {@code flagsOf} from genSymKey's defaults. */
    HsmResult<GeneratedKey> generate(GenSymKeyRequest req, SyncObserver observer, java.util.function.LongUnaryOperator flagsOf) {
        List<NodeRecord> nodes = cluster.nodeRecords();
        KeyOptions options = KeyOptions.of(req);
        Optional<ReturnCode> invalid = validateType(req.keyTypeCode(), req.sizeBytes(), cluster)
                .or(() -> creation.validate(options, nodes.size()));
        if (invalid.isPresent()) {
            return HsmResult.fail(invalid.get(), NodeLines.all(nodes, session.homeNode(), invalid.get()));
        }
        KeyType type = KeyType.fromCode(req.keyTypeCode()).orElseThrow();
        byte[] material = new byte[req.sizeBytes()];
        cluster.drbg().nextBytes(material);
        if (type == KeyType.DES3) {
            DESedeParameters.setOddParity(material);
        }
        return creation.create(type, material, options, true, observer, flagsOf);
    }

    /**
     * Every rule the request breaks, in the HSM's order — the form's pre-flight. The first one is
     * what {@link #generate} answers.
     */
    List<ReturnCode> problems(GenSymKeyRequest req) {
        KeyOptions options = KeyOptions.of(req);
        List<ReturnCode> found = new java.util.ArrayList<>();
        validateType(req.keyTypeCode(), req.sizeBytes(), cluster).ifPresent(found::add);
        found.addAll(creation.problems(options, cluster.nodeRecords().size()));
        found.addAll(creation.stateProblems(options));
        return found;
    }

    /** Type, FIPS policy and size, checked before anything else. */
    static Optional<ReturnCode> validateType(int typeCode, int sizeBytes, HsmCluster cluster) {
        Optional<KeyType> type = KeyType.fromCode(typeCode);
        if (type.isEmpty()) {
            return Optional.of(ReturnCode.INVALID_KEY_TYPE);
        }
        Optional<ReturnCode> policy = cluster.mayMakeKeysOf(type.get()).refusal();
        if (policy.isPresent()) {
            return policy;
        }
        if (!type.get().isValidSize(sizeBytes)) {
            return Optional.of(ReturnCode.INVALID_KEY_SIZE);
        }
        return Optional.empty();
    }
}
