package io.hsmconsole.ui.trykey;

import io.hsmconsole.hsm.key.Attribute;

/**
 * What the "try the key" panel can do with a key, and the attribute of the key that permits it
 * (named when the HSM refuses for want of it).
 */
public enum TryOperation {
    WRAP(Attribute.WRAP), UNWRAP(Attribute.UNWRAP), SIGN(Attribute.SIGN), VERIFY(Attribute.VERIFY);

    private final Attribute permittedBy;

    TryOperation(Attribute permittedBy) {
        this.permittedBy = permittedBy;
    }

    public Attribute permittedBy() {
        return permittedBy;
    }

    public boolean isHmac() {
        return this == SIGN || this == VERIFY;
    }

    /** {@code trykey.operation.sign}: the bundle key of its name. */
    public String messageKey() {
        return "trykey.operation." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
