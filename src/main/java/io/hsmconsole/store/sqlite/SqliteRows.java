package io.hsmconsole.store.sqlite;

import io.hsmconsole.model.UserType;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.StoredCodes;
import io.hsmconsole.store.sealing.MaterialCipher;
import io.hsmconsole.store.UserRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Maps result rows to records. */
final class SqliteRows {
    static final String KEY_COLUMNS_WITHOUT_MATERIAL = "k.handle, k.owner, k.key_class, k.key_type, k.size_bytes,"
            + " k.label, k.key_id, k.flags, k.kcv, k.m_value, k.manage_m_value, k.origin_node, k.created_at";
    static final String KEY_COLUMNS = KEY_COLUMNS_WITHOUT_MATERIAL.replace("k.", "") + ", material";
    static final String USER_SELECT = "SELECT id, name, type, password_hash, login_failures, quorum_public_key FROM users";

    private final Path file;
    private final MaterialCipher cipher;

    SqliteRows(Path file, MaterialCipher cipher) {
        this.file = file;
        this.cipher = cipher;
    }

    KeyRecord key(ResultSet rs, List<Integer> shares, byte[] material) throws SQLException {
        long handle = rs.getLong("handle");
        return KeyRecord.builder().handle(handle).ownerId(rs.getInt("owner"))
                .keyClass(StoredCodes.keyClass(file, handle, rs.getInt("key_class")))
                .keyType(StoredCodes.keyType(file, handle, rs.getInt("key_type"))).sizeBytes(rs.getInt("size_bytes"))
                .label(rs.getString("label")).id(rs.getString("key_id")).flags(rs.getLong("flags")).kcv(rs.getBytes("kcv"))
                .mValue(rs.getInt("m_value")).manageMValue(rs.getInt("manage_m_value"))
                .originNode(rs.getInt("origin_node")).createdAtMillis(rs.getLong("created_at"))
                .sharedWith(shares).material(material).build();
    }

    byte[] decryptMaterial(long handle, byte[] blob) {
        try {
            return cipher.decrypt(handle, blob);
        } catch (InvalidCipherTextException e) {
            throw new StoreException(file, "the material of key " + handle
                    + " does not authenticate under this cluster's master key (wrong master.key or a damaged store)");
        }
    }

    byte[] decryptIdentity(String name, byte[] blob) {
        try {
            return cipher.decrypt(name.getBytes(java.nio.charset.StandardCharsets.UTF_8), blob);
        } catch (InvalidCipherTextException e) {
            throw new StoreException(file, "the private key of " + name
                    + " does not authenticate under this cluster's master key (wrong master.key or a damaged store)");
        }
    }

    List<UserRecord> users(PreparedStatement ps) throws SQLException {
        List<UserRecord> users = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(new UserRecord(rs.getInt(1), rs.getString(2), userType(rs.getString(3)), rs.getString(4),
                        rs.getInt(5), rs.getBytes(6)));
            }
        }
        return users;
    }

    /** A type this version does not know is damage (or a newer writer), reported as such, never guessed. */
    private UserType userType(String stored) {
        return UserType.parse(stored).orElseThrow(() -> new StoreException(file, "unknown user type '" + stored
                + "' in the cluster store; it is damaged or was written by a newer version"));
    }

    List<NodeRecord> nodes(PreparedStatement ps) throws SQLException {
        List<NodeRecord> nodes = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                nodes.add(new NodeRecord(rs.getInt(1), rs.getInt(2) != 0, rs.getLong(3), rs.getString(4),
                        rs.getBytes(5)));
            }
        }
        return nodes;
    }

    static KeyCopy copy(ResultSet rs) throws SQLException {
        long at = rs.getLong(3);
        // wasNull() speaks of the last column read, so ask before reading the others.
        Long availableAt = rs.wasNull() ? null : at;
        return new KeyCopy(rs.getLong(1), rs.getInt(2), availableAt);
    }
}
