package io.hsmconsole.store;

/** How many token keys a node holds now and how many copies it is still waiting for. */
public record NodeCopyCount(int nodeId, long held, long pending) {
}
