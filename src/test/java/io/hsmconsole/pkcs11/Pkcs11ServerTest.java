package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.server.Pkcs11Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The socket: owner-only, and fuzzed frames on one connection never stop the server serving another. */
class Pkcs11ServerTest {
    /** 600 frames over the socket in the default build; 100,000 with -Plong (docs/reliability.md). */
    private static final int FRAMES = Integer.getInteger("pkcs11.fuzz.frames", io.hsmconsole.reliability.Scale.pick(600, 100_000));
    @TempDir
    Path dir;
    HsmCluster cluster;
    Pkcs11Server server;
    Path socket;

    @BeforeEach
    void start() throws IOException {
        cluster = TestClusters.demo(dir.resolve("data"), new ManualClock(TestClusters.START));
        socket = dir.resolve("data").resolve("service").resolve("pkcs11.sock");
        server = new Pkcs11Server(cluster, socket);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        cluster.close();
    }

    @Test
    void theSocketIsOwnerOnlyInAnOwnerOnlyFolder() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
    }

    @Test
    void fuzzedFramesNeverStopTheServerServingOthers() throws IOException {
        long seed = Long.getLong("pkcs11.fuzz.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> corpus = Pkcs11FuzzTest.corpus();
        try (SocketClient good = new SocketClient(socket)) {
            good.initialize();
            SocketClient bad = new SocketClient(socket);
            bad.initialize();
            for (int i = 0; i < FRAMES; i++) {
                try {
                    if (random.nextInt(10) == 0) {
                        // A raw header announcing any length, then a few bytes: the server must not wait for or
                        // allocate what was announced beyond its cap, and closes on a broken frame.
                        byte[] raw = new byte[12 + random.nextInt(32)];
                        random.nextBytes(raw);
                        bad.writeRaw(raw);
                        bad.close();
                        bad = new SocketClient(socket);
                    } else {
                        byte[] body = Pkcs11FuzzTest.mutate(corpus.get(random.nextInt(corpus.size())), random);
                        Pkcs11FuzzTest.assertWellFormed(bad.call(body), "seed " + seed + ", frame " + i);
                    }
                } catch (IOException closed) {
                    bad.close();
                    bad = new SocketClient(socket);
                }
                if (i % 50 == 0) {
                    byte[] info = good.call(RpcTestClient.request(RpcCall.C_GetInfo).toBytes());
                    assertEquals(RpcCall.C_GetInfo.id(), ByteBuffer.wrap(info).getInt(),
                            "the other connection is still served; seed " + seed);
                }
            }
            bad.close();
            byte[] info = good.call(RpcTestClient.request(RpcCall.C_GetInfo).toBytes());
            assertEquals(RpcCall.C_GetInfo.id(), ByteBuffer.wrap(info).getInt(), "seed " + seed);
        }
        assertTrue(server.servedConnections() >= 2);
        System.out.println("Pkcs11ServerTest: " + FRAMES + " fuzzed frames on " + server.servedConnections()
                + " connections, the other connection served throughout, seed " + seed);
    }

    @Test
    void anAnnouncedHugeMessageClosesOnlyThatConnection() throws IOException {
        try (SocketClient good = new SocketClient(socket); SocketClient bad = new SocketClient(socket)) {
            good.initialize();
            bad.writeRaw(ByteBuffer.allocate(12).putInt(1).putInt(0).putInt(-1).array());
            assertTrue(bad.closedByServer(), "the server closes instead of waiting for 4 GiB");
            byte[] info = good.call(RpcTestClient.request(RpcCall.C_GetInfo).toBytes());
            assertEquals(RpcCall.C_GetInfo.id(), ByteBuffer.wrap(info).getInt());
        }
    }
}
