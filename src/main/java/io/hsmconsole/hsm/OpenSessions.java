package io.hsmconsole.hsm;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is logged in to one cluster through this process, counted per user (one user may hold several
 * sessions: a PKCS#11 application's through the client daemon, a command's). The HSM refuses to change
 * the password of a user who is logged in (cloudhsm_cli-user-change-password.md: "You cannot change the
 * password of a user who is currently logged in to the cluster"; cloudhsm_mgmt_util-changePswd.md:
 * "... currently logged into the AWS CloudHSM client or key_mgmt_util") and asks here.
 * <p>
 * One count per cluster and process, not per {@link HsmCluster} object: the client daemon serves
 * PKCS#11 from one and each command line call from another, over the same store. A cluster is known
 * by its manufacturer root certificate (random, made with the cluster; a cluster made anew under the
 * same name has another). What this process cannot see, a session another process holds (a
 * cloudhsm-cli interactive of its own, another console), does not count: the simulator keeps no
 * cluster-wide session table, which every login and logout would have to write.
 */
final class OpenSessions {
    private static final Map<ByteBuffer, OpenSessions> BY_CLUSTER = new ConcurrentHashMap<>();

    private final Map<Integer, Integer> sessionsPerUser = new ConcurrentHashMap<>();

    private OpenSessions() {
    }

    /** The count of the cluster whose manufacturer root certificate this is, shared in this process. */
    static OpenSessions of(byte[] clusterRootCertificate) {
        return BY_CLUSTER.computeIfAbsent(ByteBuffer.wrap(clusterRootCertificate.clone()), k -> new OpenSessions());
    }

    void opened(int userId) {
        sessionsPerUser.merge(userId, 1, Integer::sum);
    }

    void closed(int userId) {
        sessionsPerUser.computeIfPresent(userId, (id, count) -> count == 1 ? null : count - 1);
    }

    boolean isLoggedIn(int userId) {
        return sessionsPerUser.containsKey(userId);
    }
}
