package io.hsmconsole.ui.inspector;

import io.hsmconsole.controller.AttributeEntry;
import io.hsmconsole.hsm.key.Attribute;

/**
 * One line of the inspector: {@code OBJ_ATTR_ENCRYPT}, its constant 260, the raw KMU value
 * {@code 0x01}, what it means, and either that the user may change it or why not. On a key with
 * quorum, {@code approvalNote} says that a change asks for approvals first (null otherwise).
 */
public record AttributeRowModel(AttributeEntry entry, String reasonNotEditable, String approvalNote) {

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

    /** Editable now, or after the key's quorum approved the change. */
    public boolean editable() {
        return entry.modifiable() || entry.modifiableWithApprovals();
    }

    public boolean needsApprovals() {
        return approvalNote != null;
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
