package io.hsmconsole.store;

/**
 * The settings of one cluster as stored. {@code hsmType} is the AWS type name
 * ({@code hsm2m.medium} or {@code hsm1.medium}); {@code keyCapacity} is the token-key limit.
 */
public record ClusterRecord(String name, String hsmType, int keyCapacity, long createdAtMillis) {
}
