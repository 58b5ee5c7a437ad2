package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Looks at a store file before SQLite opens it, so that a file that is not a database, or is
 * visibly truncated, is reported and left untouched instead of being "repaired" by SQLite.
 */
final class StoreFileCheck {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 100;

    private StoreFileCheck() {
    }

    static void checkHeader(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file, "no cluster store here");
        }
        if (!Files.isReadable(file)) {
            throw new StoreException(file, "the cluster store is not readable by this user");
        }
        byte[] header = new byte[HEADER_BYTES];
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(header, 0, HEADER_BYTES);
            size = Files.size(file);
            if (n < HEADER_BYTES) {
                throw notOurs(file, "it is too short to be a database (" + n + " bytes)");
            }
        } catch (IOException e) {
            throw new StoreException(file, "cannot read the cluster store", e);
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) {
                throw notOurs(file, "it is not an SQLite database");
            }
        }
        ByteBuffer b = ByteBuffer.wrap(header);
        int pageSize = Short.toUnsignedInt(b.getShort(16));
        if (pageSize == 1) {
            pageSize = 65536;
        }
        long changeCounter = Integer.toUnsignedLong(b.getInt(24));
        long pageCount = Integer.toUnsignedLong(b.getInt(28));
        long validFor = Integer.toUnsignedLong(b.getInt(92));
        // The in-header page count is only meaningful when it was written with the current change counter.
        if (validFor == changeCounter && pageCount > 0 && size < pageCount * pageSize) {
            throw new StoreException(file, "the cluster store is truncated: the header promises "
                    + pageCount * pageSize + " bytes but the file has " + size + "; it was left untouched");
        }
    }

    static StoreException notOurs(Path file, String why) {
        return new StoreException(file, "this is not an HSM Key Console cluster store: " + why
                + "; it was left untouched");
    }
}
