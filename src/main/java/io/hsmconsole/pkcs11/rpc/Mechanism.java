package io.hsmconsole.pkcs11.rpc;

/** A CK_MECHANISM as carried by p11-kit: its number and its parameter bytes (null when none were sent). */
public record Mechanism(long type, byte[] parameter) {

    public boolean hasParameter() {
        return parameter != null && parameter.length > 0;
    }
}
