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
 * visibly truncated (short of pages that no write-ahead log supplies), is reported and left
 * untouched instead of being "repaired" by SQLite.
 */
final class StoreFileCheck {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 100;
    private static final int LOOKS = 3;
    private static final int WAL_HEADER_BYTES = 32;
    private static final int WAL_FRAME_HEADER_BYTES = 24;

    private StoreFileCheck() {
    }

    static void checkHeader(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file, "no cluster store here");
        }
        if (!Files.isReadable(file)) {
            throw new StoreException(file, "the cluster store is not readable by this user");
        }
        // A checkpoint copies the write-ahead log into the file page by page, page 1 (the header)
        // first: while one runs in another process, or after one failed on a full disk, the file is
        // shorter than its header says and the log holds the rest, which SQLite reads from there.
        // Only a file short of pages with no log to supply them is truncated. The log is looked at
        // after the file, so a checkpoint that ended (and removed its log) in between shows as a
        // short file without a log: the file is then looked at again, and is whole this time.
        Look look = null;
        for (int attempt = 0; attempt < LOOKS; attempt++) {
            look = look(file);
            if (look.missingBytes() == 0 || hasLogFrames(file, look.pageSize())) {
                return;
            }
        }
        throw new StoreException(file, "the cluster store is truncated: the header promises "
                + (look.size() + look.missingBytes()) + " bytes but the file has " + look.size()
                + " and no write-ahead log holds the rest; it was left untouched");
    }

    /** What the header says of the file, and the file's size. */
    private record Look(int pageSize, long size, long missingBytes) {
    }

    private static Look look(Path file) {
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
        boolean countValid = validFor == changeCounter && pageCount > 0;
        return new Look(pageSize, size, countValid ? Math.max(0, pageCount * pageSize - size) : 0);
    }

    /** Whether the write-ahead log beside the store holds at least one whole frame (a page SQLite may read from it). */
    private static boolean hasLogFrames(Path file, int pageSize) {
        try {
            return Files.size(file.resolveSibling(file.getFileName() + "-wal"))
                    >= WAL_HEADER_BYTES + WAL_FRAME_HEADER_BYTES + pageSize;
        } catch (IOException e) {
            return false; // no log
        }
    }

    static StoreException notOurs(Path file, String why) {
        return new StoreException(file, "this is not an HSM Key Console cluster store: " + why
                + "; it was left untouched");
    }
}
