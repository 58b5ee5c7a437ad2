package io.hsmconsole.controller;

import io.hsmconsole.model.UserType;

/**
 * Who is logged in to which cluster, as the status bar shows it, and whether the simulator lets this
 * session work with keys ({@code HsmSession.mayUseKeys}: crypto users own and use keys, officers
 * manage users).
 */
public record SessionInfo(String clusterName, int userId, String userName, UserType role, boolean mayUseKeys) {
}
