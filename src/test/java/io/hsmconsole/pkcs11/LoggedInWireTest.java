package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The start of a wire test: the demo cluster (no latencies), a connection as p11-kit-client.so makes
 * one, and a R/W session logged in as the crypto user example_user.
 */
abstract class LoggedInWireTest {
    static final String PIN = "example_user:example_pwd";
    @TempDir
    Path dir;
    HsmCluster cluster;
    RpcTestClient app;
    long s;

    @BeforeEach
    void start() throws MalformedMessage {
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
        app = new RpcTestClient(new Pkcs11Connection(cluster, KeyAvailabilityCheck.DISABLED));
        s = app.openLoggedInSession(PIN);
    }

    @AfterEach
    void close() {
        app.connection.close();
        cluster.close();
    }
}
