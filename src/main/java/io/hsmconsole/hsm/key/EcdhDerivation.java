package io.hsmconsole.hsm.key;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

import java.util.function.Supplier;

/**
 * ECDH key derivation (PKCS#11's CKM_ECDH1_DERIVE with CK_ECDH1_DERIVE_PARAMS): the other party's
 * public point, the KDF applied to the shared secret Z (none, or ANSI X9.63's with a SHA hash) and the
 * KDF's shared info.
 */
public record EcdhDerivation(Kdf kdf, byte[] sharedData, byte[] publicData) {
    /** PKCS#11's CKD_* values. */
    public enum Kdf {
        NULL(1, null), SHA1(2, SHA1Digest::new), SHA224(5, SHA224Digest::new), SHA256(6, SHA256Digest::new),
        SHA384(7, SHA384Digest::new), SHA512(8, SHA512Digest::new);

        private final long ckd;
        private final Supplier<Digest> digest;

        Kdf(long ckd, Supplier<Digest> digest) {
            this.ckd = ckd;
            this.digest = digest;
        }

        public long ckd() {
            return ckd;
        }

        /** The X9.63 KDF's hash; null for CKD_NULL. */
        public Digest newDigest() {
            return digest == null ? null : digest.get();
        }
    }

    public EcdhDerivation {
        sharedData = sharedData == null ? new byte[0] : sharedData.clone();
        publicData = publicData == null ? new byte[0] : publicData.clone();
    }

    public String describe() {
        return "-m ECDH1_DERIVE -kdf " + kdf;
    }
}
