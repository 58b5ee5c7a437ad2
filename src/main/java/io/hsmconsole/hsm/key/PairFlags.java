package io.hsmconsole.hsm.key;

import java.util.EnumSet;
import java.util.Set;

/**
 * The boolean attributes of each half of a key pair, as the pages' dumps show them:
 * genRSAKeyPair.md's RSA public key (PRIVATE 0, ENCRYPT 1, VERIFY 1, SENSITIVE 0, EXTRACTABLE 1, the
 * rest 0) and genECCKeyPair.md's EC private key (PRIVATE 1, SIGN 1, SENSITIVE 1, EXTRACTABLE 1 unless
 * {@code -nex}, the rest 0). An EC public key verifies only (EC does not encrypt); an RSA private key
 * signs and decrypts, and unwraps (RSA-OAEP unwrapping is how keys are imported under an RSA key).
 * Public keys are always extractable (the pages' {@code -nex}).
 */
public final class PairFlags {
    private PairFlags() {
    }

    public static long publicKey(AsymmetricKeyType type, boolean session, boolean local) {
        Set<Attribute> set = EnumSet.of(Attribute.VERIFY, Attribute.EXTRACTABLE, Attribute.DESTROYABLE);
        if (type == AsymmetricKeyType.RSA) {
            set.add(Attribute.ENCRYPT);
        }
        return common(set, session, local);
    }

    public static long privateKey(AsymmetricKeyType type, boolean session, boolean nonExtractable, boolean local) {
        Set<Attribute> set = EnumSet.of(Attribute.PRIVATE, Attribute.SIGN, Attribute.SENSITIVE,
                Attribute.ALWAYS_SENSITIVE, Attribute.DESTROYABLE);
        set.add(nonExtractable ? Attribute.NEVER_EXTRACTABLE : Attribute.EXTRACTABLE);
        if (type == AsymmetricKeyType.RSA) {
            set.add(Attribute.DECRYPT);
            set.add(Attribute.UNWRAP);
        }
        return common(set, session, local);
    }

    private static long common(Set<Attribute> set, boolean session, boolean local) {
        if (!session) {
            set.add(Attribute.TOKEN);
        }
        if (local) {
            set.add(Attribute.LOCAL);
        }
        return KeyFlags.of(set);
    }
}
