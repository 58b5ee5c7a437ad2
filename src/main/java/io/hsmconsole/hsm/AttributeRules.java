package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.KeyRecord;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may change which attribute of a key, and to what (product spec §2.3). One place answers both
 * "may I set this?" for the HSM and "is this editable?" for the inspector.
 */
public final class AttributeRules {
    /** Changeable by the key's owner after creation. */
    public static final Set<Attribute> OWNER_MODIFIABLE = EnumSet.of(Attribute.LABEL, Attribute.ENCRYPT,
            Attribute.DECRYPT, Attribute.WRAP, Attribute.UNWRAP, Attribute.SIGN, Attribute.VERIFY, Attribute.DERIVE,
            Attribute.DESTROYABLE, Attribute.TOKEN, Attribute.WRAP_WITH_TRUSTED);

    private AttributeRules() {
    }

    /**
     * Why {@code attribute} of {@code key} cannot be changed by this user, or empty if it can (to
     * at least one value). {@code isOwner} is false for shared users and officers.
     */
    public static Optional<ReturnCode> whyNotModifiable(UserType user, boolean isOwner, KeyRecord key,
                                                        Attribute attribute) {
        if (attribute == Attribute.TRUSTED) {
            return user.isOfficer() ? Optional.empty() : Optional.of(ReturnCode.NOT_AUTHORIZED);
        }
        if (!OWNER_MODIFIABLE.contains(attribute)) {
            return Optional.of(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE);
        }
        if (user != UserType.CU) {
            return Optional.of(ReturnCode.NOT_AUTHORIZED);
        }
        if (!isOwner) {
            return Optional.of(ReturnCode.KEY_ACCESS_DENIED);
        }
        if (attribute == Attribute.TOKEN && KeyFlags.has(key.flags(), Attribute.TOKEN)) {
            return Optional.of(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE);
        }
        if (attribute == Attribute.WRAP_WITH_TRUSTED && KeyFlags.has(key.flags(), Attribute.WRAP_WITH_TRUSTED)) {
            return Optional.of(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE);
        }
        if (MValue.needsQuorum(key.manageMValue())) {
            return Optional.of(ReturnCode.QUORUM_REQUIRED);
        }
        return Optional.empty();
    }

    /** Whether {@code value} is acceptable for an attribute that may be changed. */
    public static Optional<ReturnCode> whyValueInvalid(Attribute attribute, long number, String text) {
        if (attribute == Attribute.LABEL) {
            return KeyNaming.isValidLabel(text) ? Optional.empty() : Optional.of(ReturnCode.INVALID_LABEL);
        }
        if (number != 0 && number != 1) {
            return Optional.of(ReturnCode.ATTRIBUTE_VALUE_INVALID);
        }
        // TOKEN and WRAP_WITH_TRUSTED only move one way.
        if ((attribute == Attribute.TOKEN || attribute == Attribute.WRAP_WITH_TRUSTED) && number != 1) {
            return Optional.of(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE);
        }
        return Optional.empty();
    }
}
