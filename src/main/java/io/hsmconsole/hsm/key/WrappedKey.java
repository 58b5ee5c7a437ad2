package io.hsmconsole.hsm.key;

/**
 * A key wrapped by the HSM: the ciphertext plus the attributes a header carries so that
 * {@code unWrapKey} can recreate the key (label, ID, type, class, size), and for AES_GCM the IV the
 * HSM chose (null for the other mechanisms; CLOUDHSM_AES_GCM carries it in front of the ciphertext).
 */
public record WrappedKey(byte[] ciphertext, WrapMechanism mechanism, KeyTemplate template, String label, String id,
                         int sizeBytes, byte[] iv) {

    public WrappedKey(byte[] ciphertext, WrapMechanism mechanism, KeyTemplate template, String label, String id,
                      int sizeBytes) {
        this(ciphertext, mechanism, template, label, id, sizeBytes, null);
    }
}
