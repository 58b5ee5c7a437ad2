package io.hsmconsole.hsm.key;

import java.util.EnumSet;
import java.util.Set;

/** The boolean attributes of a key as a bit set, and the defaults genSymKey gives each type. */
public final class KeyFlags {
    private KeyFlags() {
    }

    public static long of(Set<Attribute> set) {
        long flags = 0;
        for (Attribute a : set) {
            flags |= a.flagBit();
        }
        return flags;
    }

    public static boolean has(long flags, Attribute a) {
        return (flags & a.flagBit()) != 0;
    }

    public static long with(long flags, Attribute a, boolean value) {
        return value ? flags | a.flagBit() : flags & ~a.flagBit();
    }

    /**
     * Attributes of a newly generated key (product spec §2.3, reference §2.1): AES may
     * encrypt, decrypt, wrap and unwrap; 3DES only encrypt and decrypt (the seed's dump wins over its
     * prose); generic secret and RC4 nothing until SIGN/VERIFY are turned on for HMAC.
     */
    public static long forGenerated(KeyType type, boolean session, boolean nonExtractable) {
        Set<Attribute> set = EnumSet.of(Attribute.PRIVATE, Attribute.SENSITIVE, Attribute.LOCAL,
                Attribute.DESTROYABLE, Attribute.ALWAYS_SENSITIVE);
        if (!session) {
            set.add(Attribute.TOKEN);
        }
        if (nonExtractable) {
            set.add(Attribute.NEVER_EXTRACTABLE);
        } else {
            set.add(Attribute.EXTRACTABLE);
        }
        switch (type) {
            case AES -> set.addAll(EnumSet.of(Attribute.ENCRYPT, Attribute.DECRYPT, Attribute.WRAP, Attribute.UNWRAP));
            case DES3 -> set.addAll(EnumSet.of(Attribute.ENCRYPT, Attribute.DECRYPT));
            case GENERIC_SECRET, RC4 -> { }
        }
        return of(set);
    }
}
