package io.hsmconsole.hsm.key;

import java.util.List;
import java.util.Optional;

/** Symmetric key types genSymKey can make, with their KMU constants and size rules (bytes). */
public enum KeyType {
    GENERIC_SECRET(16, "GENERIC_SECRET", 1, 3583, List.of(), false),
    RC4(18, "RC4", 1, 256, List.of(), true),
    DES3(21, "3DES", 24, 24, List.of(24), true),
    AES(31, "AES", 16, 32, List.of(16, 24, 32), false);

    private final int code;
    private final String displayName;
    private final int minSize;
    private final int maxSize;
    private final List<Integer> fixedSizes;
    private final boolean refusedInFips;

    KeyType(int code, String displayName, int minSize, int maxSize, List<Integer> fixedSizes, boolean refusedInFips) {
        this.code = code;
        this.displayName = displayName;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.fixedSizes = fixedSizes;
        this.refusedInFips = refusedInFips;
    }

    public int code() {
        return code;
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
