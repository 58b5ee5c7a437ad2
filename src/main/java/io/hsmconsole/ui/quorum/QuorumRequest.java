package io.hsmconsole.ui.quorum;

import io.hsmconsole.controller.QuorumPurpose;

import java.util.List;

/**
 * Approvals a screen needs: for which key and purpose, what the user is doing in words ("share
 * key 262150"), and the HSM commands it consists of, each of which uses up a token of its own.
 */
public record QuorumRequest(long handle, QuorumPurpose purpose, String action, List<String> commands) {

    public QuorumRequest {
        commands = List.copyOf(commands);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a quorum request names at least one command");
        }
    }

    /** One token per command. */
    public int operations() {
        return commands.size();
    }
}
