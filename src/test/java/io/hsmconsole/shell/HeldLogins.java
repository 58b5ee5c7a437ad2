package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;

import java.util.HashMap;
import java.util.Map;

/**
 * A transcript's {@code @@ pkcs11-login NAME PASSWORD}: an application logs a crypto user in through
 * the PKCS#11 endpoint, as the client daemon serves it in the same process as the command lines'
 * calls, and stays logged in across the runs until {@code @@ pkcs11-logout NAME} (or the transcript's end).
 */
final class HeldLogins implements AutoCloseable {
    private final Map<String, HsmCluster> held = new HashMap<>();
    private final Map<String, HsmSession> sessions = new HashMap<>();

    void login(ClusterCatalog catalog, String argument) {
        String[] a = argument.split("\\s+");
        if (a.length != 2 || held.containsKey(a[0])) {
            throw new IllegalArgumentException("@@ pkcs11-login NAME PASSWORD, once per name: " + argument);
        }
        HsmCluster cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER);
        HsmResult<HsmSession> r = cluster.login(LoginChannel.PKCS11, UserType.CU, a[0], a[1].toCharArray());
        if (!r.isSuccess()) {
            cluster.close();
            throw new IllegalArgumentException("@@ pkcs11-login " + argument + ": " + r.code());
        }
        held.put(a[0], cluster);
        sessions.put(a[0], r.value());
    }

    void logout(String name) {
        HsmSession session = sessions.remove(name);
        if (session == null) {
            throw new IllegalArgumentException("@@ pkcs11-logout " + name + ": not logged in by @@ pkcs11-login");
        }
        session.logout();
        held.remove(name).close();
    }

    @Override
    public void close() {
        sessions.values().forEach(HsmSession::close);
        held.values().forEach(HsmCluster::close);
        sessions.clear();
        held.clear();
    }
}
