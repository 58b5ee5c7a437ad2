package io.hsmconsole.text;

/** What wrapKey and unWrapKey print of their own (key_mgmt_util-wrapKey.md, -unwrapKey.md). */
public final class WrapText {
    public static final String WRAPPED = "Key Wrapped.";
    public static final String HASH_MISSING = "Error: Hash type (-t) is missing; RSA_OAEP (-m 8) takes 2 (SHA1),"
            + " 3 (SHA256), 4 (SHA384), 5 (SHA512) or 6 (SHA224).";
    public static final String TAG_SIZE_RANGE = "Error: Tag size (-tag_size) must be 8 to 16 bytes.";
    public static final String IV_FILE_MISSING = "Error: IV file (-iv_file) is missing; with -noheader, AES_GCM (-m 10)"
            + " writes the IV the HSM chose there, and unWrapKey needs it back.";
    public static final String WRAPPING_IV_NOT_OFFERED = "Error: -i (a wrapping IV of your own) is not offered by this"
            + " simulator; the AES key wraps use the default IV of RFC 3394 / RFC 5649.";
    public static final String KEY_CLASS_RANGE = "Error: Key class (-kc) must be 3 (private key) or 4 (secret key).";

    private WrapText() {
    }

    /**
     * {@code Wrapped Key written to file "3DES-encrypted.key length 307}: the page prints the opening
     * quote and no closing one, and so do we.
     */
    public static String written(String file, int length) {
        return "Wrapped Key written to file \"" + file + " length " + length;
    }

    /** An option given with a mechanism it does not belong to. */
    public static String onlyWith(String option, String mechanisms) {
        return "Error: " + option + " is valid only with " + mechanisms + ".";
    }

    /** unWrapKey of a file without our header, when -noheader was not given. */
    public static String noHeader(String file) {
        return "Error: " + file + " has no wrapped-key header; if it holds the ciphertext only, give -noheader"
                + " with -l, -kc and -kt.";
    }

    /** unWrapKey with another -m than the file's header names. */
    public static String otherMechanism(String file, int wrappedWith, int asked) {
        return "Error: " + file + " was wrapped with -m " + wrappedWith + "; unwrap it with -m " + wrappedWith
                + ", not -m " + asked + ".";
    }
}
