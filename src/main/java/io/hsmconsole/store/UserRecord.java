package io.hsmconsole.store;

import io.hsmconsole.model.UserType;

/**
 * One HSM user as stored. {@code passwordHash} is an encoded slow hash (never the password), or
 * null for users who cannot log in (the appliance user).
 */
public record UserRecord(int id, String name, UserType type, String passwordHash, int loginFailures,
                         byte[] quorumPublicKey) {

    public UserRecord withLoginFailures(int value) {
        return new UserRecord(id, name, type, passwordHash, value, quorumPublicKey);
    }

    public UserRecord withPasswordHash(String value) {
        return new UserRecord(id, name, type, value, loginFailures, quorumPublicKey);
    }

    public UserRecord withQuorumPublicKey(byte[] value) {
        return new UserRecord(id, name, type, passwordHash, loginFailures, value);
    }

    /**
     * Whether {@code other} is this same user (perhaps read at another time): same ID, name and type.
     * A write decided on a record read earlier checks this first, as a deleted user's ID may be reused.
     */
    public boolean isSameUserAs(UserRecord other) {
        return other != null && id == other.id && name.equalsIgnoreCase(other.name) && type == other.type;
    }
}
