package io.hsmconsole.shell.quorum;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.quorum.QuorumToken;

import io.hsmconsole.text.TokenText;

import java.util.Arrays;
import java.util.Optional;

/**
 * A token file is the token's challenge (the bytes approvers sign), so its content identifies the
 * token among the session's tokens. Tokens live in the session that asked for them: a file from
 * another run matches nothing.
 */
public final class TokenFiles {
    /** What to tell a user whose token file matches no token of the session. */
    public static final String NOT_OF_THIS_SESSION = "is not a token of this session. Tokens live in the session"
            + " that ran getToken: approve and use them in that same session (interactive, piped input or a"
            + " scriptfile).";

    private TokenFiles() {
    }

    public static Optional<QuorumToken> match(HsmSession session, byte[] content) {
        return session.quorumTokens().listTokens().stream().filter(t -> Arrays.equals(t.challenge(), content)).findFirst();
    }

    /** Where a token stands after an approval: {@code token 1 has 1 of 2 approvals}. */
    public static String standing(HsmSession session, int tokenId) {
        return TokenText.standing(session.quorumTokens().listTokens(), tokenId);
    }
}
