package io.hsmconsole.hsm.quorum;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The approval data of a token-sign token, laid out as the AWS pages' example decodes
 * (quorum-auth-chsm-cli-admin.md): one 80-byte block per HSM of the cluster, each a big-endian
 * version (1), the service number (3 user, 4 quorum), the HSM's token ID, 8 reserved bytes, 16
 * random bytes, the requester's name (36 bytes, zero-padded), the creation time in Unix seconds and
 * 8 reserved bytes. Three HSMs make 240 bytes, under the 245 an RSA-2048 PKCS #1 v1.5 signature holds.
 */
public final class ApprovalData {
    public static final int BLOCK_BYTES = 80;
    private static final int VERSION = 1;
    private static final int NAME_BYTES = 36;
    private static final int RANDOM_BYTES = 16;

    private ApprovalData() {
    }

    public static byte[] make(int serviceNumber, String username, long nowMillis, int hsms, SecureRandom random) {
        ByteBuffer b = ByteBuffer.allocate(BLOCK_BYTES * hsms);
        byte[] name = java.util.Arrays.copyOf(username.getBytes(StandardCharsets.US_ASCII), NAME_BYTES);
        for (int i = 0; i < hsms; i++) {
            byte[] nonce = new byte[RANDOM_BYTES];
            random.nextBytes(nonce);
            b.putShort((short) VERSION).putShort((short) serviceNumber).putInt(random.nextInt() & 0x7fffffff)
                    .putLong(0).put(nonce).put(name).putInt((int) (nowMillis / 1000)).putLong(0);
        }
        return b.array();
    }
}
