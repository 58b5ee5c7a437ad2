package io.hsmconsole.pkcs11.rpc;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoder never trusts a length: every count and size is checked against what is left. */
class RpcReaderTest {
    private static RpcWriter call(RpcCall c) {
        return new RpcWriter().u32(c.id()).byteArray(c.requestSignature().getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aByteArrayLongerThanTheMessageIsRefused() {
        byte[] msg = new RpcWriter().u32(0x7ffffff0L).byteValue(1).toBytes();
        assertThrows(MalformedMessage.class, () -> new RpcReader(msg).byteArray());
    }

    @Test
    void theAbsentArrayLengthMeansNoArray() throws MalformedMessage {
        assertNull(new RpcReader(new RpcWriter().u32(0xffffffffL).toBytes()).byteArray());
    }

    /** p11-kit 0.25's client sends 0xffffffff for C_GenerateRandom(buf, 0) (pkcs11-tool --test does). */
    @Test
    void aPresentEmptyBufferHasNoRoom() throws MalformedMessage {
        assertEquals(0, new RpcReader(new RpcWriter().u32(0xffffffffL).toBytes()).bufferSize());
        assertEquals(64, new RpcReader(new RpcWriter().u32(64).toBytes()).bufferSize());
    }

    /** p11-kit 0.25 serialises CK_GCM_PARAMS and CK_AES_CTR_PARAMS as structures, not one byte array. */
    @Test
    void structuredMechanismParametersAreKeptWhole() throws MalformedMessage {
        byte[] gcm = new RpcWriter().u32(0x1087).byteArray(new byte[12]).ulong(96).byteArray(new byte[]{1, 2}).ulong(128)
                .u32(7).toBytes();
        RpcReader in = new RpcReader(gcm);
        Mechanism m = in.mechanism();
        assertEquals(0x1087, m.type());
        assertEquals(4 + 12 + 8 + 4 + 2 + 8, m.parameter().length);
        assertEquals(7, in.u32(), "the next field is where it should be");
        byte[] truncatedCtr = new RpcWriter().u32(0x1086).ulong(128).u32(16).toBytes();
        assertThrows(MalformedMessage.class, () -> new RpcReader(truncatedCtr).mechanism());
    }

    @Test
    void aHugeAttributeCountInASmallMessageIsRefusedBeforeAnyAllocation() {
        byte[] msg = new RpcWriter().u32(0xfffffffeL).toBytes();
        assertThrows(MalformedMessage.class, () -> new RpcReader(msg).attributes());
        assertThrows(MalformedMessage.class, () -> new RpcReader(msg).attributeQueries());
        byte[] manyButFitting = new byte[4 + 8 * (RpcReader.MAX_ATTRIBUTES + 1)];
        byte[] count = new RpcWriter().u32(RpcReader.MAX_ATTRIBUTES + 1).toBytes();
        System.arraycopy(count, 0, manyButFitting, 0, 4);
        MalformedMessage e = assertThrows(MalformedMessage.class, () -> new RpcReader(manyButFitting).attributes(),
                "over the cap although the bytes are there");
        assertTrue(e.getMessage().contains("count"));
    }

    @Test
    void aNestedTemplateMayNotNestAgain() {
        RpcWriter w = new RpcWriter().u32(1).u32(0x40000211L).byteValue(1).u32(4).u32(1)
                .u32(0x40000212L).byteValue(1).u32(4).u32(0);
        assertThrows(MalformedMessage.class, () -> new RpcReader(w.toBytes()).attributes());
    }

    @Test
    void attributesDecodeByTheirWireKind() throws MalformedMessage {
        RpcWriter w = new RpcWriter().u32(4)
                .u32(0x1).byteValue(1).u32(1).byteValue(1)
                .u32(0x161).byteValue(1).u32(8).ulong(32)
                .u32(0x3).byteValue(1).u32(3).byteArray(new byte[] {'a', 'b', 'c'})
                .u32(0x172).byteValue(1).u32(1).byteArray(new byte[] {1}); // CKA_DESTROYABLE: bytes for 0.24.1
        List<Attr> attrs = new RpcReader(w.toBytes()).attributes();
        assertEquals(1, attrs.get(0).number());
        assertEquals(32, attrs.get(1).number());
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, attrs.get(2).bytes());
        assertTrue(attrs.get(3).isTrue());
    }

    @Test
    void theSignatureMustBeTheCallsOwn() {
        byte[] wrong = new RpcWriter().u32(RpcCall.C_Login.id()).byteArray("uu".getBytes(StandardCharsets.US_ASCII)).toBytes();
        assertThrows(MalformedMessage.class, () -> new RpcReader(wrong).call());
        byte[] unknown = new RpcWriter().u32(9999).byteArray(new byte[0]).toBytes();
        assertThrows(MalformedMessage.class, () -> new RpcReader(unknown).call());
        byte[] error = new RpcWriter().u32(0).byteArray(new byte[0]).toBytes();
        assertThrows(MalformedMessage.class, () -> new RpcReader(error).call(), "ERROR is not a request");
    }

    @Test
    void leftoverBytesAreMalformed() throws MalformedMessage {
        RpcReader in = new RpcReader(call(RpcCall.C_Finalize).byteValue(0).toBytes());
        in.call();
        assertThrows(MalformedMessage.class, in::end);
    }
}
