package io.hsmconsole.hsm.cluster;

/** The cluster at a glance. */
public record ClusterInfo(String name, HsmType hsmType, int nodeCount, long tokenKeyCount, int keyCapacity) {
}
