package io.hsmconsole.hsm;

/** How one node answered a command: a line of KMU's {@code Cluster Error Status} block. */
public record NodeResult(int nodeId, ReturnCode code) {
}
