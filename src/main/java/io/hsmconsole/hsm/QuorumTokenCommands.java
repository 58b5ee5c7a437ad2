package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.user.UserInfo;

import java.util.List;

/**
 * A session's quorum-token commands ({@link HsmSession#quorumTokens()}): getToken, approveToken (by
 * signature, or in the console by the approver's password), listTokens, delToken, and who may approve
 * for a key. Tokens belong to the session that asked for them; the rules are in {@link QuorumApprovals}.
 */
public final class QuorumTokenCommands {
    private final HsmCluster cluster;
    private final HsmSession session;
    private final QuorumApprovals quorum;
    private final QuorumTokens tokens;

    QuorumTokenCommands(HsmCluster cluster, HsmSession session, QuorumApprovals quorum, QuorumTokens tokens) {
        this.cluster = cluster;
        this.session = session;
        this.quorum = quorum;
        this.tokens = tokens;
    }

    /** {@code getToken}: asks for approval of one operation on a key with m_value ≥ 2. */
    public HsmResult<QuorumToken> getToken(QuorumService service, long handle) {
        return session.cryptoCommand("getToken", "-n " + service.number() + " -k " + handle,
                () -> quorum.getToken(service, handle));
    }

    /** {@code approveToken}: one approver's signature of the token's challenge with their registered key. */
    public HsmResult<QuorumToken> approveToken(int tokenId, String approver, byte[] signature) {
        return tokenCommand("approveToken", "-id " + tokenId + " -approver " + approver,
                () -> quorum.approve(tokenId, approver, signature));
    }

    /**
     * A command on a token of this session: it needs only the login. Who may ask for a token was judged
     * by getToken (a crypto user for a key, an officer for services 3 and 4), and the token says which.
     */
    private HsmResult<QuorumToken> tokenCommand(String command, String arguments,
                                                java.util.function.Supplier<HsmResult<QuorumToken>> action) {
        return session.audited(command, arguments, session.isOpen() ? action.get() : HsmResult.refused(ReturnCode.NOT_LOGGED_IN));
    }

    /** The console's approval: the approver types their password; the simulator signs with the key it keeps for them. */
    public HsmResult<QuorumToken> approveTokenWithPassword(int tokenId, String approver, char[] password) {
        try {
            return tokenCommand("approveToken", "-id " + tokenId + " -approver " + approver,
                    () -> quorum.approveWithPassword(tokenId, approver, password));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** Who may approve a token for this key (its owner and the users it is shared with); not audited: no HSM call. */
    public HsmResult<List<UserInfo>> quorumApprovers(long handle) {
        return session.<List<UserInfo>>requireCryptoUser().orElseGet(() -> quorum.approvers(handle).map(ids ->
                cluster.users().stream().filter(u -> ids.contains(u.id())).toList()));
    }

    public List<QuorumToken> listTokens() {
        return quorum.list();
    }

    /** {@code delToken}: drops one token of this session. */
    public HsmResult<Void> deleteToken(int tokenId) {
        ReturnCode code = tokens.delete(tokenId) ? ReturnCode.SUCCESS : ReturnCode.QUORUM_TOKEN_INVALID;
        // every node answers, as in getToken's cluster block
        HsmResult<Void> r = code.isSuccess() ? session.ok(null, null) : session.fail(code, null);
        return session.audited("delToken", "-id " + tokenId, r);
    }
}
