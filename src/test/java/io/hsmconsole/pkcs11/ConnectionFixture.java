package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** One application's connection to a fresh demo cluster, spoken to through the wire encoding. */
abstract class ConnectionFixture {
    static final String PIN = "example_user:example_pwd";
    @TempDir
    Path dir;
    HsmCluster cluster;
    RpcTestClient app;

    @BeforeEach
    void open() {
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
        app = new RpcTestClient(new Pkcs11Connection(cluster));
    }

    @AfterEach
    void close() {
        app.connection.close();
        cluster.close();
    }

    long loggedInSession() throws MalformedMessage {
        return app.openLoggedInSession(PIN);
    }

    /** The handles C_FindObjects finds by this label (at most 10). */
    List<Long> found(long session, String label) throws MalformedMessage {
        RpcWriter init = RpcTestClient.request(RpcCall.C_FindObjectsInit).ulong(session).u32(1);
        RpcTestClient.bytes(init, Ck.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
        app.send(init).ok();
        RpcReader in = app.send(RpcTestClient.request(RpcCall.C_FindObjects).ulong(session).u32(10)).ok();
        in.byteValue();
        long n = in.u32();
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(in.ulong());
        }
        app.send(RpcTestClient.request(RpcCall.C_FindObjectsFinal).ulong(session)).ok();
        return out;
    }
}
