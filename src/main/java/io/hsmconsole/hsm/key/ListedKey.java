package io.hsmconsole.hsm.key;

import java.util.function.Supplier;

/**
 * A key of a listing: its handle at once, its attributes when first asked (built once), so a listing
 * of 100,000 keys builds only those a filter compares or a page shows.
 */
public final class ListedKey {
    private final long handle;
    private Supplier<KeyAttributes> read;
    private KeyAttributes attributes;

    public ListedKey(long handle, Supplier<KeyAttributes> read) {
        this.handle = handle;
        this.read = read;
    }

    public long handle() {
        return handle;
    }

    public synchronized KeyAttributes attributes() {
        if (attributes == null) {
            attributes = read.get();
            read = null;
        }
        return attributes;
    }
}
