package io.hsmconsole.text;

import io.hsmconsole.hsm.key.SignMechanism;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A public key as people outside the HSM handle it: PEM (what {@code exportPubKey} writes and
 * {@code openssl pkey -pubin} reads), its SHA-256 fingerprint (the hash of the DER SubjectPublicKeyInfo,
 * what {@code openssl pkey -pubin -outform DER | openssl dgst -sha256} prints), and the OpenSSL line
 * that checks a signature the HSM made with {@code sign}.
 */
public final class PublicKeyText {
    /** The names of the files the console writes for {@link #opensslVerify}. */
    public static final String PUBLIC_KEY_FILE = "public-key.pem";
    public static final String DATA_FILE = "data.bin";
    public static final String SIGNATURE_FILE = "signature.bin";
    /** How to get the same fingerprint from the PEM with OpenSSL. */
    public static final String FINGERPRINT_COMMAND = "openssl pkey -pubin -in " + PUBLIC_KEY_FILE
            + " -outform DER | openssl dgst -sha256";

    private PublicKeyText() {
    }

    /** {@code -----BEGIN <type>-----}, the DER in Base64 lines of 64, {@code -----END <type>-----}, a final line end. */
    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public static String publicPem(byte[] subjectPublicKeyInfo) {
        return pem("PUBLIC KEY", subjectPublicKeyInfo);
    }

    public static byte[] publicPemBytes(byte[] subjectPublicKeyInfo) {
        return publicPem(subjectPublicKeyInfo).getBytes(StandardCharsets.US_ASCII);
    }

    /** The SHA-256 of the DER SubjectPublicKeyInfo in lower-case hex, as {@code openssl dgst -sha256} prints it. */
    public static String fingerprint(byte[] subjectPublicKeyInfo) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * {@code openssl dgst -sha256 -verify public-key.pem -signature signature.bin data.bin}: checks a
     * signature {@code sign -m <mechanism>} made (PKCS#1 v1.5 and DER ECDSA as they are; PSS with MGF1
     * on the same hash and a salt as long as the hash, as the HSM makes it). Prints "Verified OK".
     */
    public static String opensslVerify(SignMechanism mechanism) {
        if (mechanism.isHmac()) {
            throw new IllegalArgumentException(mechanism + " is no public-key signature");
        }
        String digest = mechanism.digestName().replace("-", "").toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>(List.of("openssl", "dgst", "-" + digest));
        if (mechanism.family() == SignMechanism.Family.RSA_PSS) {
            parts.addAll(List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:"
                    + mechanism.newDigest().getDigestSize(), "-sigopt", "rsa_mgf1_md:" + digest));
        }
        parts.addAll(List.of("-verify", PUBLIC_KEY_FILE, "-signature", SIGNATURE_FILE, DATA_FILE));
        return String.join(" ", parts);
    }
}
