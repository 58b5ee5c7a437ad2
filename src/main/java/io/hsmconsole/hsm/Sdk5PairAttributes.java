package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.store.KeyRecord;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Client SDK 5's labels and boolean attributes for the two halves of a generated key pair
 * ({@code key generate-asymmetric-pair rsa|ec}). Unlike genRSAKeyPair/genECCKeyPair, each half has
 * its own label, and neither half may do anything until asked: SDK 5 makes both with encrypt,
 * decrypt, sign, verify, wrap, unwrap and derive false (the pages' first examples), and the second
 * examples set {@code --public-attributes verify=true --private-attributes sign=true}. The other
 * attributes (token, extractable, sensitive, local …) stay what the HSM gives a pair.
 */
public record Sdk5PairAttributes(String publicLabel, String privateLabel, Map<Attribute, Boolean> publicAttributes,
                                 Map<Attribute, Boolean> privateAttributes) {
    private static final Set<Attribute> USAGE = EnumSet.of(Attribute.ENCRYPT, Attribute.DECRYPT, Attribute.SIGN,
            Attribute.VERIFY, Attribute.WRAP, Attribute.UNWRAP, Attribute.DERIVE);

    public Sdk5PairAttributes {
        publicAttributes = Map.copyOf(publicAttributes);
        privateAttributes = Map.copyOf(privateAttributes);
    }

    /** Why these attributes cannot be given at generation, or empty: the same rule as a symmetric key's. */
    public Optional<ReturnCode> whyNotSettable() {
        return Sdk5KeyAttributes.whyNotSettable(publicAttributes.keySet())
                .or(() -> Sdk5KeyAttributes.whyNotSettable(privateAttributes.keySet()));
    }

    KeyRecord publicKey(KeyRecord made) {
        return made.toBuilder().label(publicLabel).flags(flags(made.flags(), publicAttributes)).build();
    }

    KeyRecord privateKey(KeyRecord made) {
        return made.toBuilder().label(privateLabel).flags(flags(made.flags(), privateAttributes)).build();
    }

    private static long flags(long pairDefaults, Map<Attribute, Boolean> given) {
        long flags = pairDefaults;
        for (Attribute a : USAGE) {
            flags = KeyFlags.with(flags, a, false);
        }
        for (Map.Entry<Attribute, Boolean> e : given.entrySet()) {
            flags = KeyFlags.with(flags, e.getKey(), e.getValue());
        }
        return flags;
    }
}
