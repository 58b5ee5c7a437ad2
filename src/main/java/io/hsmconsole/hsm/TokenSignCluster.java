package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.ApprovalData;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.quorum.TokenSignToken;
import io.hsmconsole.hsm.quorum.TokenTimeouts;

import java.util.EnumMap;
import java.util.Map;

/**
 * What SDK 5's token-sign quorum answers without a login ({@link HsmCluster#tokenSign()}): the
 * quorum values of the admins' services ({@code quorum token-sign list-quorum-values}) and a
 * registration token ({@code quorum token-sign generate --service registration}, which the first-time
 * setup page runs before logging in), and the token timeouts ({@code quorum token-sign list-timeouts}). Everything else is the session's {@link TokenSignCommands}.
 */
public final class TokenSignCluster {
    private final HsmCluster cluster;

    TokenSignCluster(HsmCluster cluster) {
        this.cluster = cluster;
    }

    /** The m value of {@code user} and {@code quorum}: the same values cloudhsm_mgmt_util's getMValue 3 and 4 read. */
    public Map<TokenSignService, Integer> quorumValues() {
        Map<TokenSignService, Integer> values = new EnumMap<>(TokenSignService.class);
        for (TokenSignService s : TokenSignService.values()) {
            s.officersService().ifPresent(q -> values.put(s, OfficerQuorum.mValue(cluster.store(), q)));
        }
        return values;
    }

    /** The token timeouts ({@code quorum token-sign list-timeouts}, no login needed): 600 and 600 until an admin sets them. */
    public TokenTimeouts timeouts() {
        return TokenTimeoutSetting.read(cluster.store());
    }

    /**
     * A fresh registration token: one block of approval data for the signer to prove they hold the
     * private key of the public key they register; kept until used or expired (user 0: nobody's yet).
     */
    public TokenSignToken registrationToken() {
        TokenSignToken t = token(TokenSignService.REGISTRATION, "", 1);
        ClusterTokens.put(cluster, t, 0);
        return t;
    }

    /** A token of {@code service} for {@code username}, with one block of approval data per HSM. */
    TokenSignToken token(TokenSignService service, String username, int hsms) {
        long now = cluster.clock().nowMillis();
        return new TokenSignToken(service, username, now,
                ApprovalData.make(service.number(), username, now, hsms, cluster.drbg()));
    }
}
