package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyFlags;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Client SDK 5's rules for the boolean attributes of a generated symmetric key. Its defaults are not
 * genSymKey's: a new AES or generic secret key may sign and verify, and may not encrypt, decrypt,
 * wrap or unwrap until asked for (the examples of cloudhsm_cli-key-generate-symmetric-aes.md). The
 * generation-time attributes here are the usage ones; token and extractable come from their own
 * options (session, non-extractable), the rest are the HSM's to set.
 */
public final class Sdk5KeyAttributes {
    /** What {@code key generate-symmetric … --attributes} may set. */
    public static final Set<Attribute> SETTABLE = EnumSet.of(Attribute.ENCRYPT, Attribute.DECRYPT, Attribute.SIGN,
            Attribute.VERIFY, Attribute.WRAP, Attribute.UNWRAP, Attribute.DERIVE, Attribute.WRAP_WITH_TRUSTED);

    private static final Set<Attribute> USAGE = EnumSet.of(Attribute.ENCRYPT, Attribute.DECRYPT, Attribute.SIGN,
            Attribute.VERIFY, Attribute.WRAP, Attribute.UNWRAP, Attribute.DERIVE);
    private static final Set<Attribute> DEFAULT_TRUE = EnumSet.of(Attribute.SIGN, Attribute.VERIFY);

    private Sdk5KeyAttributes() {
    }

    /** Why these attributes cannot be given at generation (the first offender decides), or empty. */
    public static Optional<ReturnCode> whyNotSettable(Collection<Attribute> attributes) {
        return attributes.stream().anyMatch(a -> !SETTABLE.contains(a))
                ? Optional.of(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE) : Optional.empty();
    }

    /** The key's flags: genSymKey's defaults with SDK 5's usage defaults, then the caller's values. */
    static long flags(long kmuDefaults, Map<Attribute, Boolean> given) {
        long flags = kmuDefaults;
        for (Attribute a : USAGE) {
            flags = KeyFlags.with(flags, a, DEFAULT_TRUE.contains(a));
        }
        for (Map.Entry<Attribute, Boolean> e : given.entrySet()) {
            flags = KeyFlags.with(flags, e.getKey(), e.getValue());
        }
        return flags;
    }
}
