package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.cluster.ClusterInfo;

import java.nio.file.Path;

/**
 * How an export or import went: the cluster and what it holds, or what is wrong (the simulator's
 * words, naming the file by its name rather than its whole path).
 */
public record ExchangeOutcome(boolean succeeded, String clusterName, Path file, int nodes, int users, long keys,
                              String problem) {

    static ExchangeOutcome done(HsmCluster cluster, Path file) {
        ClusterInfo info = cluster.info();
        return new ExchangeOutcome(true, cluster.name(), file, info.nodeCount(), cluster.users().size(),
                info.tokenKeyCount(), "");
    }

    static ExchangeOutcome failed(Path file, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String name = file.getFileName().toString();
        message = message.replace(file.toString(), name);
        return new ExchangeOutcome(false, null, file, 0, 0, 0, message.startsWith(name) ? message : name + ": " + message);
    }
}
