package io.hsmconsole.hsm.attest;

import java.util.Base64;

/** PEM text of a DER certificate, as {@code getCert} writes it and {@code openssl} reads it. */
public final class Pem {
    private Pem() {
    }

    public static String certificate(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
