package io.hsmconsole.store;

/**
 * The copy of a token key on one node. {@code availableAtMillis} is when the node holds it; null
 * while the node is offline and the copy is pending (it gets a time when the node comes back).
 */
public record KeyCopy(long handle, int nodeId, Long availableAtMillis) {

    public boolean heldAt(long nowMillis) {
        return availableAtMillis != null && availableAtMillis <= nowMillis;
    }
}
