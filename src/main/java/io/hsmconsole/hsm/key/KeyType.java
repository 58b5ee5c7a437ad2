package io.hsmconsole.hsm.key;

import io.hsmconsole.model.KeyAlgorithm;
import java.util.List;
import java.util.Optional;

/** Symmetric key types genSymKey can make, with their KMU constants and size rules (bytes). */
public enum KeyType {
    GENERIC_SECRET(KeyAlgorithm.GENERIC_SECRET, "GENERIC_SECRET", 1, 3583, List.of(), false),
    RC4(KeyAlgorithm.RC4, "RC4", 1, 256, List.of(), true),
    DES3(KeyAlgorithm.DES3, "3DES", 24, 24, List.of(24), true),
    AES(KeyAlgorithm.AES, "AES", 16, 32, List.of(16, 24, 32), false);

    private final KeyAlgorithm algorithm;
    private final int code;
    private final String displayName;
    private final int minSize;
    private final int maxSize;
    private final List<Integer> fixedSizes;
    private final boolean refusedInFips;

    KeyType(KeyAlgorithm algorithm, String displayName, int minSize, int maxSize, List<Integer> fixedSizes,
            boolean refusedInFips) {
        this.algorithm = algorithm;
        this.code = algorithm.code();
        this.displayName = displayName;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.fixedSizes = fixedSizes;
        this.refusedInFips = refusedInFips;
    }

    public int code() {
        return code;
    }

    /** What a key of this type is stored as. */
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** genSymKey's rules for a stored key's algorithm, or empty for a pair algorithm. */
    public static Optional<KeyType> of(KeyAlgorithm algorithm) {
        return fromCode(algorithm.code());
    }

    public String displayName() {
        return displayName;
    }

    public int minSize() {
        return minSize;
    }

    public int maxSize() {
        return maxSize;
    }

    /** The only sizes allowed, or empty when any size in [min, max] is. */
    public List<Integer> fixedSizes() {
        return fixedSizes;
    }

    /**
     * The types imSymKey imports from a plaintext file: 21 (3DES) and 31 (AES), the -t values
     * key_mgmt_util-imSymKey.md lists (generic secrets and RC4 come in through unWrapKey).
     */
    public boolean importableInPlaintext() {
        return this == AES || this == DES3;
    }

    public boolean isValidSize(int bytes) {
        return fixedSizes.isEmpty() ? bytes >= minSize && bytes <= maxSize : fixedSizes.contains(bytes);
    }

    /** What sizes are valid, in words, for error messages and the form. */
    public String sizeRule() {
        if (fixedSizes.isEmpty()) {
            return minSize + " to " + maxSize + " bytes";
        }
        return fixedSizes.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + " bytes";
    }

    /** RC4 is never FIPS-approved; 3DES was withdrawn for protection after 2023 (NIST SP 800-131A). */
    public boolean refusedInFips() {
        return refusedInFips;
    }

    /** Whether the type has a key check value (block ciphers only). */
    public boolean hasKcv() {
        return this == AES || this == DES3;
    }

    public static Optional<KeyType> fromCode(int code) {
        for (KeyType t : VALUES) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static final KeyType[] VALUES = values();
}
