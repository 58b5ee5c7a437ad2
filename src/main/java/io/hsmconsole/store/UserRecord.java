package io.hsmconsole.store;

/**
 * One HSM user as stored. {@code passwordHash} is an encoded slow hash (never the password), or
 * null for users who cannot log in (the appliance user).
 */
public record UserRecord(int id, String name, String type, String passwordHash, int loginFailures,
                         byte[] quorumPublicKey) {

    public UserRecord withLoginFailures(int value) {
        return new UserRecord(id, name, type, passwordHash, value, quorumPublicKey);
    }

    public UserRecord withPasswordHash(String value) {
        return new UserRecord(id, name, type, value, loginFailures, quorumPublicKey);
    }
}
