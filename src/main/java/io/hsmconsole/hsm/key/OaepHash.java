package io.hsmconsole.hsm.key;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code -t} hash of RSA-OAEP unwrapping (wrapKey/unWrapKey's table: 2 SHA1, 3 SHA256, 4 SHA384,
 * 5 SHA512, 6 SHA224), used for both OAEP's hash and MGF1, with an empty label, as OpenSSL's
 * {@code rsa_oaep_md} with the same {@code rsa_mgf1_md}.
 */
public enum OaepHash {
    SHA1(2, SHA1Digest::new), SHA256(3, SHA256Digest::new), SHA384(4, SHA384Digest::new),
    SHA512(5, SHA512Digest::new), SHA224(6, SHA224Digest::new);

    private final int code;
    private final Supplier<Digest> digest;

    OaepHash(int code, Supplier<Digest> digest) {
        this.code = code;
        this.digest = digest;
    }

    public int code() {
        return code;
    }

    public Digest newDigest() {
        return digest.get();
    }

    public static Optional<OaepHash> fromCode(int code) {
        return Arrays.stream(values()).filter(h -> h.code == code).findFirst();
    }
}
