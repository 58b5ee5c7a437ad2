package io.hsmconsole.controller;

import io.hsmconsole.hsm.cluster.HsmType;

/** What the key-generation form shows about the cluster: how many HSMs, and which type (FIPS or not). */
public record ClusterFacts(int nodeCount, HsmType hsmType) {
}
