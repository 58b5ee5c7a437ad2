package io.hsmconsole.hsm.key;

/**
 * What a key-pair command made: the two handles, the node that made them, and whether
 * {@code -min_srv} was missed so both were rolled back (the handles are still reported).
 */
public record GeneratedPair(long publicHandle, long privateHandle, int servingNode, boolean rolledBack) {
}
