package io.hsmconsole.hsm.key;

/**
 * What genSymKey made: the handle, the node that generated it, and whether it had to be rolled
 * back because {@code -min_srv} was not reached (the handle is still reported, as KMU prints it).
 */
public record GeneratedKey(long handle, int servingNode, boolean rolledBack) {
}
