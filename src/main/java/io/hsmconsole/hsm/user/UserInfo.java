package io.hsmconsole.hsm.user;

import io.hsmconsole.model.UserType;

/** A row of {@code listUsers}: never the password hash. */
public record UserInfo(int id, UserType type, String name, boolean quorumKeyRegistered, int loginFailures,
                       boolean twoFactor, boolean locked) {
}
