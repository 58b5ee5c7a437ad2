package io.hsmconsole.store.sqlite;

import io.hsmconsole.model.UserType;
import io.hsmconsole.store.UserRecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The writes of users inside a transaction: a new user, an imported one, its changes, its deletion with its shares. */
final class SqliteUserWrites {
    private final SqliteDatabase db;

    SqliteUserWrites(SqliteDatabase db) {
        this.db = db;
    }

    UserRecord insert(String name, UserType type, String passwordHash) throws SQLException {
        PreparedStatement ps = db.prepared("INSERT INTO users (name, type, password_hash, login_failures)"
                + " VALUES (?, ?, ?, 0) RETURNING id");
        ps.setString(1, name);
        ps.setString(2, type.name());
        ps.setString(3, passwordHash);
        int id;
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getInt(1);
        }
        return new UserRecord(id, name, type, passwordHash, 0, null);
    }

    /** With its own ID and state, as an imported cluster had it. */
    void restore(UserRecord u) throws SQLException {
        PreparedStatement ps = db.prepared("INSERT INTO users (id, name, type, password_hash, login_failures,"
                + " quorum_public_key) VALUES (?, ?, ?, ?, ?, ?)");
        ps.setInt(1, u.id());
        ps.setString(2, u.name());
        ps.setString(3, u.type().name());
        ps.setString(4, u.passwordHash());
        ps.setInt(5, u.loginFailures());
        ps.setBytes(6, u.quorumPublicKey());
        ps.executeUpdate();
    }

    /** Password hash, failed logins and quorum key: what may change of a user. */
    void update(UserRecord user) throws SQLException {
        PreparedStatement ps = db.prepared("UPDATE users SET password_hash = ?, login_failures = ?,"
                + " quorum_public_key = ? WHERE id = ?");
        ps.setString(1, user.passwordHash());
        ps.setInt(2, user.loginFailures());
        ps.setBytes(3, user.quorumPublicKey());
        ps.setInt(4, user.id());
        ps.executeUpdate();
    }

    /** The user and every share of a key with them. */
    void delete(int userId) throws SQLException {
        PreparedStatement shares = db.prepared("DELETE FROM key_shares WHERE user_id = ?");
        shares.setInt(1, userId);
        shares.executeUpdate();
        PreparedStatement ps = db.prepared("DELETE FROM users WHERE id = ?");
        ps.setInt(1, userId);
        ps.executeUpdate();
    }
}
