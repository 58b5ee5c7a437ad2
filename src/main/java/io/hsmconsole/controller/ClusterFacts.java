package io.hsmconsole.controller;

import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.KeyType;

import java.util.Map;
import java.util.Optional;

/**
 * What the key-generation form shows about the cluster: how many HSMs, which type (FIPS or not), and
 * the key types the simulator says it refuses to make here, with its code.
 */
public record ClusterFacts(int nodeCount, HsmType hsmType, Map<KeyType, ReturnCode> refusedTypes) {

    public ClusterFacts {
        refusedTypes = Map.copyOf(refusedTypes);
    }

    /** Why keys of this type cannot be made on this cluster, or empty. */
    public Optional<ReturnCode> typeRefusal(KeyType type) {
        return Optional.ofNullable(refusedTypes.get(type));
    }
}
