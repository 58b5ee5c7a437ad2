package io.hsmconsole.shell.cmu;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The public key file of {@code registerQuorumPubKey}: PEM {@code -----BEGIN PUBLIC KEY-----} (an
 * X.509 SubjectPublicKeyInfo), as {@code openssl rsa -in key.pem -pubout} writes it. Whether the key
 * is RSA-2048 is the HSM's check, not this reader's.
 */
final class PublicKeyPem {
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PublicKeyPem() {
    }

    /** The DER bytes, or why the file is not a PEM public key (in words a user can act on). */
    static Result read(byte[] file) {
        String text = new String(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            if (text.contains("PRIVATE KEY-----")) {
                return Result.problem("it holds a private key; register the public half: openssl rsa -in <key>"
                        + " -pubout -out <public key file>");
            }
            if (text.contains("-----BEGIN RSA PUBLIC KEY-----")) {
                return Result.problem("it is a PKCS#1 RSA public key; write it as \"BEGIN PUBLIC KEY\" with: openssl rsa"
                        + " -in <key> -pubout -out <public key file>");
            }
            return Result.problem("it is not a PEM public key (\"" + BEGIN + "\"), as openssl rsa -in <key> -pubout writes");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
            return der.length == 0 ? Result.problem("the PEM public key is empty") : new Result(Optional.of(der), null);
        } catch (IllegalArgumentException e) {
            return Result.problem("the PEM public key is damaged (" + e.getMessage() + ")");
        }
    }

    record Result(Optional<byte[]> der, String problem) {
        static Result problem(String why) {
            return new Result(Optional.empty(), why);
        }
    }
}
