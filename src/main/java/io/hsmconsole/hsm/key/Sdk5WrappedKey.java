package io.hsmconsole.hsm.key;

/**
 * What {@code key wrap} answers: the two keys' handles, the wrapped bytes and, for {@code aes-gcm},
 * the IV the HSM chose (null otherwise: cloudhsm-aes-gcm carries it inside the data).
 */
public record Sdk5WrappedKey(long payloadHandle, long wrappingHandle, byte[] data, byte[] iv) {
    public Sdk5WrappedKey {
        data = data.clone();
        iv = iv == null ? null : iv.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] iv() {
        return iv == null ? null : iv.clone();
    }
}
