package io.hsmconsole.hsm.crypto;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.KeyParameter;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Key check value as CloudHSM computes it for symmetric keys: the first 3 bytes of the key's ECB
 * encryption of one all-zero block (16 bytes for AES, 8 for 3DES).
 */
public final class Kcv {
    public static final int BYTES = 3;

    private Kcv() {
    }

    public static byte[] aes(byte[] key) {
        return compute(AESEngine.newInstance(), key);
    }

    public static byte[] des3(byte[] key) {
        return compute(new DESedeEngine(), key);
    }

    private static byte[] compute(BlockCipher cipher, byte[] key) {
        cipher.init(true, new KeyParameter(key));
        byte[] block = new byte[cipher.getBlockSize()];
        byte[] out = new byte[block.length];
        cipher.processBlock(block, 0, out, 0);
        return Arrays.copyOf(out, BYTES);
    }

    /** {@code 0x} + 6 lowercase hex digits, as KMU prints it. */
    public static String format(byte[] kcv) {
        return "0x" + HexFormat.of().formatHex(kcv);
    }

    /** Parses a KCV typed with or without {@code 0x}; null when it is not 3 bytes of hex. */
    public static byte[] parse(String text) {
        String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (hex.length() != BYTES * 2) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
