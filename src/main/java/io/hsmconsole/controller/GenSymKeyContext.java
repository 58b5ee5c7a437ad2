package io.hsmconsole.controller;

import io.hsmconsole.hsm.cluster.HsmType;

import java.util.Set;

/** What a genSymKey pre-flight needs to know about the cluster and the caller. */
public record GenSymKeyContext(int nodeCount, HsmType hsmType, int callerId, Set<Integer> cryptoUserIds) {

    public GenSymKeyContext {
        cryptoUserIds = Set.copyOf(cryptoUserIds);
    }
}
