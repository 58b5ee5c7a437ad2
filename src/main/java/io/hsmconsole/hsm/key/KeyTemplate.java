package io.hsmconsole.hsm.key;

import io.hsmconsole.model.KeyClass;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What an imported or unwrapped key is: its class and type codes as the user gave them (or as a
 * wrapped-key header carried them), and — from a header — the usage attributes the key had when it
 * was wrapped. The simulator validates them.
 *
 * @param usage the {@link #USAGE} attributes that are on; null when nothing says (the type's
 *              defaults, as for a generated key)
 */
public record KeyTemplate(int keyClass, int keyTypeCode, Set<Attribute> usage) {
    /** The usage attributes a wrapped-key header carries and unWrapKey gives the new key. */
    public static final List<Attribute> USAGE = List.of(Attribute.ENCRYPT, Attribute.DECRYPT, Attribute.WRAP,
            Attribute.UNWRAP);

    public KeyTemplate {
        if (usage != null) {
            if (!USAGE.containsAll(usage)) {
                throw new IllegalArgumentException("not usage attributes: " + usage);
            }
            usage = usage.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(usage));
        }
    }

    public KeyTemplate(int keyClass, int keyTypeCode) {
        this(keyClass, keyTypeCode, null);
    }

    public static KeyTemplate secret(int keyTypeCode) {
        return new KeyTemplate(KeyClass.SECRET_KEY.code(), keyTypeCode);
    }

    /** The usage attributes of a key's flags, as a header records them. */
    public static Set<Attribute> usageOf(long flags) {
        Set<Attribute> on = EnumSet.noneOf(Attribute.class);
        USAGE.stream().filter(a -> KeyFlags.has(flags, a)).forEach(on::add);
        return on;
    }
}
