package io.hsmconsole.ui.inspector;

import io.hsmconsole.controller.AttributeEntry;
import io.hsmconsole.hsm.key.Attribute;

/**
 * One line of the inspector: {@code OBJ_ATTR_ENCRYPT}, its constant 260, the raw KMU value
 * {@code 0x01}, what it means, and either that the user may change it or why not.
 */
public record AttributeRowModel(AttributeEntry entry, String reasonNotEditable) {

    public Attribute attribute() {
        return entry.attribute();
    }

    public String constantName() {
        return entry.attribute().kmuName();
    }

    public int constant() {
        return entry.attribute().id();
    }

    public String kmuValue() {
        return entry.kmuValue();
    }

    public String meaning() {
        return entry.attribute().meaning();
    }

    public boolean editable() {
        return entry.modifiable();
    }

    public boolean isBoolean() {
        return entry.attribute().isBoolean();
    }

    public boolean isTrue() {
        return entry.value().isTrue();
    }

    public String text() {
        return entry.value().text();
    }
}
