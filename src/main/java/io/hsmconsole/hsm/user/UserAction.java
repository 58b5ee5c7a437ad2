package io.hsmconsole.hsm.user;

/** What a session may be allowed to do to an existing user (creating one is asked by user type). */
public enum UserAction {
    /** {@code deleteUser}. */
    DELETE,
    /** {@code changePswd}, which also unlocks a locked account. */
    CHANGE_PASSWORD
}
