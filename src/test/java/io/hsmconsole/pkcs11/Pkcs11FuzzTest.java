package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import io.hsmconsole.reliability.Scale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzed requests (mutations of real ones, seeded) never make the endpoint throw, and every answer is
 * a well-formed response: the request's own call or the ERROR call with a CK_RV.
 */
class Pkcs11FuzzTest {
    /** 3,000 requests in the default build; 1,000,000 with -Plong (docs/reliability.md). */
    private static final int ROUNDS = Integer.getInteger("pkcs11.fuzz.rounds", Scale.pick(3000, 1_000_000));
    @TempDir
    Path dir;
    HsmCluster cluster;

    @BeforeEach
    void open() {
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    /** Valid requests of a logged-in application (session 1, keys that may or may not exist). */
    static List<byte[]> corpus() {
        List<byte[]> c = new ArrayList<>();
        c.add(RpcTestClient.request(RpcCall.C_GetInfo).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_GetSlotList).byteValue(1).u32(4).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_GetTokenInfo).ulong(Pkcs11Connection.SLOT_ID).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_GetMechanismList).ulong(Pkcs11Connection.SLOT_ID).u32(20).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_OpenSession).ulong(Pkcs11Connection.SLOT_ID).ulong(6).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_GetSessionInfo).ulong(1).toBytes());
        RpcWriter find = RpcTestClient.request(RpcCall.C_FindObjectsInit).ulong(1).u32(2);
        RpcTestClient.number(find, Ck.CKA_CLASS, Ck.CKO_SECRET_KEY);
        RpcTestClient.bytes(find, Ck.CKA_LABEL, "fuzz".getBytes(StandardCharsets.UTF_8));
        c.add(find.toBytes());
        c.add(RpcTestClient.request(RpcCall.C_FindObjects).ulong(1).u32(5).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_FindObjectsFinal).ulong(1).toBytes());
        RpcWriter gen = RpcTestClient.request(RpcCall.C_GenerateKey).ulong(1).u32(Ck.CKM_AES_KEY_GEN).byteArray(null).u32(3);
        RpcTestClient.number(gen, Ck.CKA_VALUE_LEN, 16);
        RpcTestClient.bytes(gen, Ck.CKA_LABEL, "fuzz".getBytes(StandardCharsets.UTF_8));
        RpcTestClient.bool(gen, Ck.CKA_TOKEN, false);
        c.add(gen.toBytes());
        c.add(RpcTestClient.request(RpcCall.C_GetAttributeValue).ulong(1).ulong(6).u32(2).u32(Ck.CKA_LABEL).u32(0)
                .u32(Ck.CKA_CLASS).u32(8).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_SignInit).ulong(1).u32(Ck.CKM_SHA256_HMAC).byteArray(null).ulong(6).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_Sign).ulong(1).presentByteArray(new byte[] {1, 2, 3}).u32(64).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_EncryptInit).ulong(1).u32(Ck.CKM_AES_CBC_PAD).byteArray(new byte[16]).ulong(6)
                .toBytes());
        c.add(RpcTestClient.request(RpcCall.C_EncryptInit).ulong(1).u32(Ck.CKM_AES_CTR).ulong(128).byteArray(new byte[16])
                .ulong(6).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_DecryptInit).ulong(1).u32(Ck.CKM_AES_GCM).byteArray(new byte[12]).ulong(96)
                .byteArray(new byte[] {1}).ulong(128).ulong(6).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_Encrypt).ulong(1).presentByteArray(new byte[20]).u32(64).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_EncryptUpdate).ulong(1).presentByteArray(new byte[20]).u32(64).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_DecryptFinal).ulong(1).u32(64).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_SignInit).ulong(1).u32(Ck.CKM_AES_CMAC).byteArray(null).ulong(6).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_WrapKey).ulong(1).u32(WrapCalls.CKM_AES_KEY_WRAP_PAD).byteArray(null).ulong(6)
                .ulong(6).u32(64).toBytes());
        RpcWriter unwrap = RpcTestClient.request(RpcCall.C_UnwrapKey).ulong(1).u32(WrapCalls.CKM_AES_KEY_WRAP).byteArray(null)
                .ulong(6).presentByteArray(new byte[24]).u32(2);
        RpcTestClient.number(unwrap, Ck.CKA_KEY_TYPE, 0x1F);
        RpcTestClient.bytes(unwrap, Ck.CKA_LABEL, "fuzz".getBytes(StandardCharsets.UTF_8));
        c.add(unwrap.toBytes());
        c.add(RpcTestClient.request(RpcCall.C_DestroyObject).ulong(1).ulong(6).toBytes());
        c.add(RpcTestClient.request(RpcCall.C_CloseSession).ulong(2).toBytes());
        return c;
    }

    static byte[] mutate(byte[] base, SplittableRandom random) {
        byte[] m = base.clone();
        switch (random.nextInt(6)) {
            case 0 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> m = Arrays.copyOf(m, random.nextInt(m.length));
            case 2 -> {
                int at = random.nextInt(Math.max(1, m.length - 3));
                int v = random.nextBoolean() ? -1 : random.nextInt();
                for (int i = 0; i < 4 && at + i < m.length; i++) {
                    m[at + i] = (byte) (v >>> (24 - 8 * i));
                }
            }
            case 3 -> {
                byte[] tail = new byte[random.nextInt(64)];
                random.nextBytes(tail);
                m = Arrays.copyOf(m, m.length + tail.length);
                System.arraycopy(tail, 0, m, base.length, tail.length);
            }
            case 4 -> random.nextBytes(m);
            default -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                }
            }
        }
        return m;
    }

    @Test
    void fuzzedRequestsAlwaysGetAWellFormedAnswer() {
        long seed = Long.getLong("pkcs11.fuzz.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> corpus = corpus();
        RpcTestClient app = new RpcTestClient(new Pkcs11Connection(cluster));
        app.initialize();
        try {
            long session = app.openSession();
            assertEquals(Ck.CKR_OK, app.login(session, Ck.CKU_USER, "example_user:example_pwd"));
            for (int round = 0; round < ROUNDS; round++) {
                byte[] request = random.nextInt(4) == 0 ? corpus.get(random.nextInt(corpus.size()))
                        : mutate(corpus.get(random.nextInt(corpus.size())), random);
                byte[] answer = app.connection.answer(request);
                assertWellFormed(answer, "seed " + seed + ", round " + round);
            }
            // A fuzzed request may legitimately be a C_Finalize: the application then initializes again.
            long again = app.initialize();
            assertTrue(again == Ck.CKR_OK || again == Ck.CKR_CRYPTOKI_ALREADY_INITIALIZED, "seed " + seed);
            assertEquals(Ck.CKR_OK, app.send(RpcTestClient.request(RpcCall.C_GetInfo)).rv(), "still serving; seed " + seed);
            System.out.println("Pkcs11FuzzTest: " + ROUNDS + " fuzzed requests answered well-formed, seed " + seed);
        } catch (MalformedMessage | RuntimeException | AssertionError e) {
            throw new AssertionError("fuzz failed with -Dpkcs11.fuzz.seed=" + seed + ": " + e, e);
        } finally {
            app.connection.close();
        }
    }

    static void assertWellFormed(byte[] answer, String where) {
        RpcReader in = new RpcReader(answer);
        try {
            long id = in.u32();
            byte[] signature = in.byteArray();
            assertTrue(id < RpcCall.values().length, where + ": call " + id);
            assertEquals(RpcCall.values()[(int) id].responseSignature(), new String(signature, StandardCharsets.US_ASCII), where);
        } catch (MalformedMessage e) {
            throw new AssertionError(where + ": the answer does not decode: " + e.getMessage());
        }
    }
}
