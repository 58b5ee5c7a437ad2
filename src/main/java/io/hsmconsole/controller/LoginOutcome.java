package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;

/**
 * How a login went: the simulator's result (with the session's description on success) and, after
 * a wrong password, how many consecutive failures the account now has out of {@code lockoutAfter}.
 */
public record LoginOutcome(HsmResult<SessionInfo> result, int failedLogins, int lockoutAfter) {
}
