package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.StoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The writes of keys inside a transaction: a key with its shares and copies (material sealed under
 * the master key), its later changes, its deletion, and the token key count kept beside them.
 */
final class SqliteKeyWrites {
    private final SqliteDatabase db;

    SqliteKeyWrites(SqliteDatabase db) {
        this.db = db;
    }

    /**
     * {@code seq} null: the current handle counter. Returns the key-change counter once the key's rows are
     * written (its triggers move it; {@link InsertedKeys}).
     */
    long insert(KeyRecord key, List<KeyCopy> copies, Long seq) throws SQLException {
        PreparedStatement ps = db.prepared("INSERT INTO keys (handle, seq, owner, key_class, key_type,"
                + " size_bytes, label, key_id, flags, kcv, m_value, origin_node, created_at, material, manage_m_value)"
                + " VALUES (?, COALESCE(?, (SELECT handle_counter FROM cluster)), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setLong(1, key.handle());
        if (seq == null) {
            ps.setNull(2, Types.INTEGER);
        } else {
            ps.setLong(2, seq);
        }
        ps.setInt(3, key.ownerId());
        ps.setInt(4, key.keyClass().code());
        ps.setInt(5, key.keyType().code());
        ps.setInt(6, key.sizeBytes());
        ps.setString(7, key.label());
        ps.setString(8, key.id());
        ps.setLong(9, key.flags());
        ps.setBytes(10, key.kcv());
        ps.setInt(11, key.mValue());
        ps.setInt(12, key.originNode());
        ps.setLong(13, key.createdAtMillis());
        ps.setBytes(14, db.cipher().encrypt(key.handle(), key.material()));
        ps.setInt(15, key.manageMValue());
        ps.executeUpdate();
        insertShares(key.handle(), key.sharedWith());
        insertCopies(copies);
        try (ResultSet rs = db.prepared("UPDATE cluster SET token_key_count = token_key_count + 1 RETURNING key_changes")
                .executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** All of a key's copies in one multi-row INSERT (one statement per key, cached per row count). */
    private void insertCopies(List<KeyCopy> copies) throws SQLException {
        if (copies.isEmpty()) {
            return;
        }
        PreparedStatement c = db.prepared("INSERT INTO key_copies (handle, node, available_at) VALUES "
                + String.join(", ", java.util.Collections.nCopies(copies.size(), "(?, ?, ?)")));
        int p = 1;
        for (KeyCopy copy : copies) {
            c.setLong(p++, copy.handle());
            c.setInt(p++, copy.nodeId());
            if (copy.availableAtMillis() == null) {
                c.setNull(p++, Types.INTEGER);
            } else {
                c.setLong(p++, copy.availableAtMillis());
            }
        }
        c.executeUpdate();
    }

    private void insertShares(long handle, List<Integer> users) throws SQLException {
        for (int user : users) {
            PreparedStatement s = db.prepared("INSERT INTO key_shares (handle, user_id) VALUES (?, ?)");
            s.setLong(1, handle);
            s.setInt(2, user);
            s.executeUpdate();
        }
    }

    /** Label, flags, quorum values and shares: what may change of a key after it is made. */
    void update(KeyRecord key) throws SQLException {
        PreparedStatement ps = db.prepared("UPDATE keys SET label = ?, flags = ?, m_value = ?, manage_m_value = ? WHERE handle = ?");
        ps.setString(1, key.label());
        ps.setLong(2, key.flags());
        ps.setInt(3, key.mValue());
        ps.setInt(4, key.manageMValue());
        ps.setLong(5, key.handle());
        if (ps.executeUpdate() != 1) {
            throw new StoreException(db.path(), "key " + key.handle() + " vanished during an update");
        }
        PreparedStatement del = db.prepared("DELETE FROM key_shares WHERE handle = ?");
        del.setLong(1, key.handle());
        del.executeUpdate();
        insertShares(key.handle(), key.sharedWith());
    }

    void delete(long handle) throws SQLException {
        PreparedStatement ps = db.prepared("DELETE FROM keys WHERE handle = ?");
        ps.setLong(1, handle);
        if (ps.executeUpdate() == 1) {
            db.prepared("UPDATE cluster SET token_key_count = token_key_count - 1").executeUpdate();
        }
    }
}
