package io.hsmconsole.hsm.cluster;

/**
 * What a node is doing: ACTIVE (serving, in sync), SYNCING (serving, still receiving copies),
 * OFFLINE (taken out; catches up when back), TAMPERED (its firmware does not match the known-good
 * measurement).
 */
public enum NodeState {
    ACTIVE, SYNCING, OFFLINE, TAMPERED
}
