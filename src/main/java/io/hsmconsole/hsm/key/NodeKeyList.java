package io.hsmconsole.hsm.key;

import java.util.List;

/**
 * CMU {@code findAllKeys} on one node: the keys a user owns or shares there, and (when asked) the
 * hash of that node's whole ownership table — equal on every node when they are in sync.
 */
public record NodeKeyList(int nodeId, List<Entry> keys, String ownershipHash) {

    public NodeKeyList {
        keys = List.copyOf(keys);
    }

    /** One key of the list: {@code owned} true for {@code (o)}, false for {@code (s)}. */
    public record Entry(long handle, boolean owned) {
    }
}
