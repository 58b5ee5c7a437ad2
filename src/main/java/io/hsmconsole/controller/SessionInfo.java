package io.hsmconsole.controller;

import io.hsmconsole.hsm.user.UserType;

/** Who is logged in to which cluster, as the status bar shows it. */
public record SessionInfo(String clusterName, int userId, String userName, UserType role) {

    /** Crypto users own and use keys; officers manage users. */
    public boolean isCryptoUser() {
        return role == UserType.CU;
    }
}
