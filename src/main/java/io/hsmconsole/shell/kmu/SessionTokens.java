package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.quorum.QuorumToken;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the token a token file stands for. getToken writes the token's challenge to the file (the
 * bytes approvers sign), so the file's content identifies the token among this session's tokens.
 * Tokens live in the session that asked for them: a file from another run matches nothing.
 */
final class SessionTokens {
    private SessionTokens() {
    }

    /** The token of this session that {@code fileName} holds; an error line when there is none. */
    static Optional<QuorumToken> fromFile(KmuContext context, HsmSession session, String fileName) {
        Optional<byte[]> content = KeyFiles.read(context, fileName, "token file");
        if (content.isEmpty()) {
            return Optional.empty();
        }
        Optional<QuorumToken> token = session.listTokens().stream()
                .filter(t -> Arrays.equals(t.challenge(), content.get())).findFirst();
        if (token.isEmpty()) {
            context.printer().error("Error: " + fileName + " is not a token of this session. Tokens live in the"
                    + " key_mgmt_util session that ran getToken: approve and use them in that same session"
                    + " (interactive, piped input or a scriptfile).");
        }
        return token;
    }
}
