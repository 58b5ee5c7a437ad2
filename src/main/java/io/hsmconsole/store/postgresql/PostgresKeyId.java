package io.hsmconsole.store.postgresql;

import java.nio.charset.StandardCharsets;

/**
 * A key ID in the {@code keys.key_id} BYTEA column: the ID's UTF-8 bytes. A PKCS#11 CKA_ID reaches the
 * simulator as one character per byte (0x00 and 0xff included), which PostgreSQL's TEXT cannot hold;
 * UTF-8 gives every such string back exactly, and a text ID typed in KMU keeps the bytes it had as TEXT.
 */
final class PostgresKeyId {
    private PostgresKeyId() {
    }

    static byte[] column(String id) {
        return id == null ? null : id.getBytes(StandardCharsets.UTF_8);
    }

    static String of(byte[] column) {
        return column == null ? null : new String(column, StandardCharsets.UTF_8);
    }
}
