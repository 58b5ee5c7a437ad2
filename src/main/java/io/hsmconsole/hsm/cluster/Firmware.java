package io.hsmconsole.hsm.cluster;

import org.bouncycastle.crypto.digests.SHA384Digest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The simulated firmware image of a node and its SHA-384 measurement. The image is derived from
 * the version string, so every node on a version measures the same and the known-good value of a
 * version can be recomputed anywhere.
 */
public final class Firmware {
    public static final String CURRENT_VERSION = "3.4.0";

    private Firmware() {
    }

    public static byte[] image(String version) {
        return ("HSM Key Console simulated LiquidSecurity firmware " + version).repeat(64)
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] measure(byte[] image) {
        SHA384Digest d = new SHA384Digest();
        d.update(image, 0, image.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    public static byte[] knownGoodMeasurement(String version) {
        return measure(image(version));
    }

    /** Whether a node's measured firmware is the known-good image of its version (else it was tampered with). */
    public static boolean isKnownGood(String version, byte[] measurement) {
        return java.security.MessageDigest.isEqual(measurement, knownGoodMeasurement(version));
    }

    public static String hex(byte[] measurement) {
        return HexFormat.of().formatHex(measurement);
    }
}
