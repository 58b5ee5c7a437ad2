package io.hsmconsole.hsm.key;

/**
 * One attribute of one key. Numeric kinds (boolean, byte, int32, KCV) use {@code number}; text
 * kinds use {@code text}.
 */
public record AttributeValue(Attribute attribute, long number, String text) {

    public static AttributeValue ofNumber(Attribute attribute, long number) {
        return new AttributeValue(attribute, number, null);
    }

    public static AttributeValue ofText(Attribute attribute, String text) {
        return new AttributeValue(attribute, 0, text);
    }

    public boolean isTrue() {
        return number != 0;
    }
}
