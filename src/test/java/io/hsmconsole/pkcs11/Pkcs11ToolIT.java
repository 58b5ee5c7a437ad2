package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.pkcs11.server.ClientModule;
import io.hsmconsole.pkcs11.server.Pkcs11Server;
import io.hsmconsole.security.SecondLocalUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside judges: OpenSC's pkcs11-tool, loading Debian's stock p11-kit-client.so, against our
 * endpoint. Needs the packages p11-kit-modules and opensc (.ci/run installs them); fails loudly
 * without them.
 */
class Pkcs11ToolIT {
    private static final String PIN = "example_user:example_pwd";
    private static final String SLOT = "0x2000000000000001";
    @TempDir
    Path dir;
    HsmCluster cluster;
    Pkcs11Server server;
    Path module;

    @BeforeEach
    void start() throws IOException {
        module = ClientModule.find().orElseThrow(() -> new AssertionError(
                "p11-kit-client.so not found: install p11-kit-modules (apt-get install p11-kit-modules opensc)"));
        cluster = TestClusters.demo(dir.resolve("data"), new ManualClock(TestClusters.START));
        server = new Pkcs11Server(cluster, dir.resolve("data").resolve("service").resolve("pkcs11.sock"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        cluster.close();
    }

    private Result tool(String... args) {
        List<String> cmd = new ArrayList<>(List.of("pkcs11-tool", "--module", module.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, server.socket());
    }

    private static Result run(List<String> cmd, Path socket) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("P11_KIT_SERVER_ADDRESS", "unix:path=" + socket);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + " (is opensc installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void listsTheOneSlotAndItsMechanisms() {
        Result slots = tool("-L");
        assertEquals(0, slots.exit, slots.out);
        assertTrue(slots.out.contains(SLOT) && slots.out.contains("token label        : demo"), slots.out);
        Result mechanisms = tool("-M");
        assertEquals(0, mechanisms.exit, mechanisms.out);
        assertTrue(mechanisms.out.contains("AES-KEY-GEN") && mechanisms.out.contains("SHA256-HMAC"), mechanisms.out);
    }

    @Test
    void aKeyMadeByPkcs11ToolIsTheClustersKey() {
        Result made = tool("--login", "--pin", PIN, "--keygen", "--key-type", "AES:32", "--label", "app-key");
        assertEquals(0, made.exit, made.out);
        List<Long> found = TestClusters.login(cluster, "example_user").findKeys(KeyQuery.byLabel("app-key")).value();
        assertEquals(1, found.size(), "findKey -l app-key finds it");
        Result listed = tool("--login", "--pin", PIN, "--list-objects");
        assertEquals(0, listed.exit, listed.out);
        assertTrue(listed.out.contains("label:      app-key") && listed.out.contains("AES length 32"), listed.out);
    }

    /** {@code --id 01} is one byte, 0x01: CloudHSM keeps CKA_ID as bytes, and so does the simulator. */
    @Test
    void aBinaryIdFromPkcs11ToolIsKeptAsItsBytes() {
        Result made = tool("--login", "--pin", PIN, "--keygen", "--key-type", "AES:32", "--label", "bin-id", "--id", "01");
        assertEquals(0, made.exit, made.out);
        List<Long> found = TestClusters.login(cluster, "example_user")
                .findKeys(new KeyQuery(null, null, null, "\u0001", null, List.of(), null)).value();
        assertEquals(1, found.size(), "the key's ID is the byte 0x01");
        Result listed = tool("--login", "--pin", PIN, "--list-objects", "--id", "01");
        assertEquals(0, listed.exit, listed.out);
        assertTrue(listed.out.contains("label:      bin-id") && listed.out.contains("ID:         01"), listed.out);
    }

    @Test
    void aesEcbRoundTripAndDigestThroughPkcs11Tool() throws IOException {
        assertEquals(0, tool("--login", "--pin", PIN, "--keygen", "--key-type", "AES:32", "--label", "ecb",
                "--id", "65636231").exit);
        Path plain = Files.write(dir.resolve("plain"), "sixteen byte blk".repeat(4).getBytes(StandardCharsets.US_ASCII));
        Result enc = tool("--login", "--pin", PIN, "--encrypt", "-m", "AES-ECB", "--id", "65636231",
                "-i", plain.toString(), "-o", dir.resolve("cipher").toString());
        assertEquals(0, enc.exit, enc.out);
        Result dec = tool("--login", "--pin", PIN, "--decrypt", "-m", "AES-ECB", "--id", "65636231",
                "-i", dir.resolve("cipher").toString(), "-o", dir.resolve("back").toString());
        assertEquals(0, dec.exit, dec.out);
        assertEquals(Files.readString(plain), Files.readString(dir.resolve("back")));
        Result hash = tool("--hash", "-m", "SHA256", "-i", plain.toString(), "-o", dir.resolve("hash").toString());
        assertEquals(0, hash.exit, hash.out);
        assertEquals(32, Files.size(dir.resolve("hash")));
    }

    @Test
    void aWrongPinIsRefusedAndCountsTowardsLockout() {
        Result wrong = tool("--login", "--pin", "example_user:not_the_pwd", "--list-objects");
        assertNotEquals(0, wrong.exit);
        assertTrue(wrong.out.contains("CKR_PIN_INCORRECT"), wrong.out);
        int failures = cluster.users().stream().filter(u -> u.name().equals("example_user"))
                .mapToInt(UserInfo::loginFailures).findFirst().orElseThrow();
        assertEquals(1, failures);
    }

    @Test
    void anOfficersPinIsRefused() {
        Result officer = tool("--login", "--pin", "officer1:officer1_pwd", "--list-objects");
        assertNotEquals(0, officer.exit);
        assertTrue(officer.out.contains("CKR_PIN_INCORRECT"), officer.out);
    }

    @Test
    void anotherLocalUserCannotReachTheDefaultSocket() {
        SecondLocalUser.Result other = SecondLocalUser.runAs(List.of("env", "P11_KIT_SERVER_ADDRESS=unix:path=" + server.socket(),
                "pkcs11-tool", "--module", module.toString(), "-L"), 60);
        assertFalse(other.output().contains(SLOT), "the second user sees no slot: " + other.output());
    }

    @Test
    void anotherLocalUserIsRefusedByUidEvenWhenTheSocketIsOpenToAll() throws IOException {
        Path shared = SecondLocalUser.sharedStickyFolder("pkcs11-");
        try (Pkcs11Server open = new Pkcs11Server(cluster, shared.resolve("open.sock"))) {
            // OwnerOnly restricts the folder it makes; undo that here, as a careless setup would.
            open.start();
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setPosixFilePermissions(open.socket(), PosixFilePermissions.fromString("rwxrwxrwx"));
            SecondLocalUser.Result other = SecondLocalUser.runAs(List.of("env", "P11_KIT_SERVER_ADDRESS=unix:path=" + open.socket(),
                    "pkcs11-tool", "--module", module.toString(), "-L"), 60);
            assertFalse(other.output().contains(SLOT), "the second user sees no slot: " + other.output());
            assertTrue(open.refusedPeers() >= 1, "the server refused the peer by its uid");
            Result owner = run(List.of("pkcs11-tool", "--module", module.toString(), "-L"), open.socket());
            assertTrue(owner.out.contains(SLOT), "the owner is still served: " + owner.out);
        } finally {
            SecondLocalUser.runAs(List.of("true"), 10);
            deleteTree(shared);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private record Result(int exit, String out) {
    }
}
