package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.shell.quorum.TokenFiles;

import java.util.Optional;

/** Finds the token of this session a token file stands for (see {@link TokenFiles}), or says why not. */
final class SessionTokens {
    private SessionTokens() {
    }

    /** The token of this session that {@code fileName} holds; an error line when there is none. */
    static Optional<QuorumToken> fromFile(KmuContext context, HsmSession session, String fileName) {
        Optional<byte[]> content = KeyFiles.read(context, fileName, "token file");
        if (content.isEmpty()) {
            return Optional.empty();
        }
        Optional<QuorumToken> token = TokenFiles.match(session, content.get());
        if (token.isEmpty()) {
            context.printer().error("Error: " + fileName + " " + TokenFiles.NOT_OF_THIS_SESSION);
        }
        return token;
    }
}
