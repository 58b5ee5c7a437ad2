package io.hsmconsole.hsm.key;

/**
 * A key wrapped by the HSM: the ciphertext plus the attributes a header carries so that
 * {@code unWrapKey} can recreate the key (label, ID, type, class, size).
 */
public record WrappedKey(byte[] ciphertext, WrapMechanism mechanism, KeyTemplate template, String label, String id,
                         int sizeBytes) {
}
