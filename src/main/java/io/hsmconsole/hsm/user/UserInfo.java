package io.hsmconsole.hsm.user;

/** A row of {@code listUsers}: never the password hash. */
public record UserInfo(int id, UserType type, String name, boolean quorumKeyRegistered, int loginFailures,
                       boolean twoFactor, boolean locked) {
}
