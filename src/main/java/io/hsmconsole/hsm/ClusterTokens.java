package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.quorum.TokenSignToken;
import io.hsmconsole.hsm.quorum.TokenTimeouts;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * SDK 5's token-sign tokens, kept cluster-wide (every HSM holds them, and {@code quorum token-sign
 * list} shows everyone's) as identity items, so both store backends and a cluster export carry them
 * as they carry the officers' m values. One token per user per service (a new one replaces the old);
 * registration tokens, which need no login, are named by their digest. A token lives the cluster's
 * timeouts ({@link TokenTimeoutSetting}: the generated one from its creation, the approved one from its
 * approval), judged with the timeouts in force when it is looked at; expired ones are purged when a new
 * one is made.
 */
final class ClusterTokens {
    /** Marks an item written with approvals (a creation time is never negative): items written before read as no approvals. */
    private static final long WITH_APPROVALS = -1;
    private static final String PREFIX = "quorum/token-sign/";
    private static final String SUFFIX = ".token";

    private ClusterTokens() {
    }

    /**
     * The item name of a user's token for a service; a registration token's is its digest. A crypto
     * user may hold many tokens of a key service (cloudhsm_cli-qm-token-gen.md: the one-token limit
     * "does not apply to tokens related to key services"), so theirs are named by user and digest.
     */
    static String name(TokenSignService service, int userId, byte[] digest) {
        if (service.keyService().isPresent()) {
            return keyTokensPrefix(service, userId) + HexFormat.of().formatHex(digest) + SUFFIX;
        }
        String who = service == TokenSignService.REGISTRATION ? HexFormat.of().formatHex(digest) : Integer.toString(userId);
        return PREFIX + service.cliName() + "/" + who + SUFFIX;
    }

    /** The prefix of every token of one user for a key service. */
    static String keyTokensPrefix(TokenSignService service, int userId) {
        return PREFIX + service.cliName() + "/" + userId + "/";
    }

    static String name(TokenSignToken token, int userId) {
        return name(token.service(), userId, token.digest());
    }

    /** The prefix of every token of one user (a name ends with {@code .token}, so user 1's is not user 10's). */
    static String userPrefix(TokenSignService service, int userId) {
        return PREFIX + service.cliName() + "/" + userId + SUFFIX;
    }

    static String allPrefix() {
        return PREFIX;
    }

    static IdentityItem item(TokenSignToken token, int userId) {
        byte[] user = token.username().getBytes(StandardCharsets.UTF_8);
        byte[] data = token.approvalData();
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 8 + 4 + 2 + user.length + data.length);
        b.putLong(WITH_APPROVALS).putLong(token.createdAtMillis()).putLong(token.approvedAtMillis()).putInt(token.approvals())
                .putShort((short) user.length).put(user).put(data);
        return new IdentityItem(name(token, userId), b.array(), null);
    }

    static TokenSignToken token(IdentityItem item) {
        String rest = item.name().substring(PREFIX.length());
        TokenSignService service = TokenSignService.named(rest.substring(0, rest.indexOf('/')))
                .orElseThrow(() -> new IllegalStateException("unknown token service in " + item.name()));
        ByteBuffer b = ByteBuffer.wrap(item.certificate());
        long first = b.getLong();
        boolean withApprovals = first == WITH_APPROVALS;
        long created = withApprovals ? b.getLong() : first;
        long approvedAt = withApprovals ? b.getLong() : 0;
        int approvals = withApprovals ? b.getInt() : 0;
        byte[] user = new byte[b.getShort()];
        b.get(user);
        byte[] data = new byte[b.remaining()];
        b.get(data);
        return new TokenSignToken(service, new String(user, StandardCharsets.UTF_8), created, data, approvals, approvedAt);
    }

    static boolean isToken(IdentityItem item) {
        return item.name().startsWith(PREFIX) && item.name().endsWith(SUFFIX);
    }

    /** Every token the cluster holds, expired ones included, with its item name. */
    static List<Named> all(ClusterStore store) {
        return store.identities().stream().filter(ClusterTokens::isToken).map(i -> new Named(i.name(), token(i))).toList();
    }

    /** The live token of that name whose approval data is {@code approvalData}. */
    static Optional<TokenSignToken> liveMatching(ClusterStore.Transaction tx, String name, byte[] approvalData, long now,
                                                 TokenTimeouts timeouts) {
        return liveMatching(tx.identity(name), approvalData, now, timeouts);
    }

    static Optional<TokenSignToken> liveMatching(ClusterStore store, String name, byte[] approvalData, long now) {
        return liveMatching(store.identity(name), approvalData, now, TokenTimeoutSetting.read(store));
    }

    private static Optional<TokenSignToken> liveMatching(Optional<IdentityItem> item, byte[] approvalData, long now,
                                                         TokenTimeouts timeouts) {
        return item.map(ClusterTokens::token)
                .filter(t -> t.isLive(now, timeouts) && Arrays.equals(t.approvalData(), approvalData));
    }

    /**
     * Stores a token (replacing the user's earlier one for an admins' service; a key service's tokens
     * are each their own) and drops the expired ones.
     */
    static void put(HsmCluster cluster, TokenSignToken token, int userId) {
        long now = cluster.clock().nowMillis();
        TokenTimeouts timeouts = TokenTimeoutSetting.read(cluster.store());
        List<String> expired = all(cluster.store()).stream().filter(n -> !n.token().isLive(now, timeouts))
                .map(Named::name).toList();
        cluster.write(tx -> {
            expired.forEach(tx::deleteIdentities);
            tx.putIdentity(item(token, userId));
            return null;
        });
    }

    record Named(String name, TokenSignToken token) {
    }
}
