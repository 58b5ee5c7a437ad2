package io.hsmconsole.controller;

/**
 * One {@code shareKey} a sharing change consists of: share the key with {@code user}, or stop
 * sharing it ({@code share} false).
 */
public record SharingChange(long handle, UserRef user, boolean share) {

    /** {@code shareKey 262150 5 1}, as cloudhsm_mgmt_util takes it. */
    public String commandLine() {
        return "shareKey " + handle + " " + user.id() + " " + (share ? 1 : 0);
    }
}
