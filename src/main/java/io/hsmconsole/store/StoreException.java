package io.hsmconsole.store;

import java.nio.file.Path;

/**
 * An I/O or integrity fault of the store: the file cannot be read, is not ours, is from a newer
 * version, or the disk refused a write. Always names the file so the user knows what to look at.
 * HSM-level refusals are never exceptions; they are return codes.
 */
public class StoreException extends RuntimeException {
    private final Path file;

    public StoreException(Path file, String message) {
        super(message + " (" + file + ")");
        this.file = file;
    }

    public StoreException(Path file, String message, Throwable cause) {
        super(message + " (" + file + "): " + cause.getMessage(), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
