package io.hsmconsole.pkcs11;

import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A CKA_ID is a byte string on CloudHSM (p11tool names keys with a random 20-byte ID, pkcs11-tool
 * with {@code --id 01}): any bytes, 0x00 and 0xff included, are kept exactly through C_GenerateKey,
 * C_GenerateKeyPair, C_FindObjects and C_GetAttributeValue; the per-class uniqueness rule still holds.
 */
class Pkcs11BinaryIdTest extends LoggedInWireTest {
    private static final byte[] P256 = HexFormat.of().parseHex("06082a8648ce3d030107");
    private static final byte[] BINARY = HexFormat.of().parseHex("00ff0120097f80c3a90a0d");
    private RpcTestClient.Answer aes(String label, byte[] id) {
        RpcWriter w = RpcTestClient.request(RpcCall.C_GenerateKey).ulong(s).u32(Ck.CKM_AES_KEY_GEN).byteArray(null).u32(5);
        RpcTestClient.number(w, Ck.CKA_CLASS, Ck.CKO_SECRET_KEY);
        RpcTestClient.number(w, Ck.CKA_VALUE_LEN, 32);
        RpcTestClient.bytes(w, Ck.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
        RpcTestClient.bytes(w, Ck.CKA_ID, id);
        RpcTestClient.bool(w, Ck.CKA_TOKEN, true);
        return app.send(w);
    }

    private long[] ecPair(String label, byte[] id) throws MalformedMessage {
        RpcWriter w = RpcTestClient.request(RpcCall.C_GenerateKeyPair).ulong(s).u32(Ck.CKM_EC_KEY_PAIR_GEN).byteArray(null).u32(4);
        RpcTestClient.bool(w, Ck.CKA_TOKEN, true);
        RpcTestClient.bytes(w, Ck.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
        RpcTestClient.bytes(w, Ck.CKA_ID, id);
        RpcTestClient.bytes(w, Ck.CKA_EC_PARAMS, P256);
        w.u32(3);
        RpcTestClient.bool(w, Ck.CKA_TOKEN, true);
        RpcTestClient.bytes(w, Ck.CKA_ID, id);
        RpcTestClient.bool(w, Ck.CKA_SIGN, true);
        RpcReader r = app.send(w).ok();
        return new long[] {r.ulong(), r.ulong()};
    }

    private byte[] idOf(long handle) throws MalformedMessage {
        RpcWriter q = RpcTestClient.request(RpcCall.C_GetAttributeValue).ulong(s).ulong(handle).u32(1).u32(Ck.CKA_ID).u32(256);
        RpcReader in = app.send(q).ok();
        assertEquals(1, in.u32());
        assertEquals(Ck.CKA_ID, in.u32());
        assertEquals(1, in.byteValue());
        in.u32();
        byte[] value = in.byteArray();
        assertEquals(Ck.CKR_OK, in.ulong());
        return value;
    }

    private List<Long> findById(byte[] id) throws MalformedMessage {
        RpcWriter init = RpcTestClient.request(RpcCall.C_FindObjectsInit).ulong(s).u32(1);
        RpcTestClient.bytes(init, Ck.CKA_ID, id);
        return app.find(s, init);
    }

    @Test
    void aBinaryIdRoundTripsThroughGenerateFindAndGetAttributeValue() throws MalformedMessage {
        long secret = aes("bin-aes", BINARY).ok().ulong();
        assertArrayEquals(BINARY, idOf(secret));
        assertEquals(List.of(secret), findById(BINARY));

        byte[] pairId = HexFormat.of().parseHex("ff00");
        long[] pair = ecPair("bin-ec", pairId);
        assertArrayEquals(pairId, idOf(pair[0]));
        assertArrayEquals(pairId, idOf(pair[1]));
        assertEquals(List.of(pair[0], pair[1]), findById(pairId).stream().sorted().toList());
        assertEquals(List.of(), findById(HexFormat.of().parseHex("ff")), "a prefix is another ID");
        assertEquals(List.of(), findById(HexFormat.of().parseHex("ff0000")), "so is a longer one");
    }

    @Test
    void theUniquenessAndLengthRulesStillHoldForBinaryIds() throws MalformedMessage {
        aes("first", BINARY).ok();
        assertEquals(Ck.CKR_ATTRIBUTE_VALUE_INVALID, aes("second", BINARY).rv(), "a secret key's ID is unique");
        byte[] longest = new byte[127];
        longest[0] = (byte) 0xff;
        assertArrayEquals(longest, idOf(aes("longest", longest).ok().ulong()));
        assertEquals(Ck.CKR_ATTRIBUTE_VALUE_INVALID, aes("too-long", new byte[128]).rv());
    }
}
