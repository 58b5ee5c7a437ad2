package io.hsmconsole.controller;

import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;

import java.util.Optional;

/**
 * One attribute of one key as the inspector shows it: the value, the value as KMU writes it, and
 * why the logged-in user may not change it (empty when they may), as the simulator answered.
 */
public record AttributeEntry(AttributeValue value, String kmuValue, Optional<ReturnCode> whyNotModifiable) {

    public Attribute attribute() {
        return value.attribute();
    }

    public boolean modifiable() {
        return whyNotModifiable.isEmpty();
    }

    /**
     * The simulator would let this user change it once the key's quorum approved the change: it
     * answers QUORUM_REQUIRED only after every other rule has passed.
     */
    public boolean modifiableWithApprovals() {
        return whyNotModifiable.filter(code -> code == ReturnCode.QUORUM_REQUIRED).isPresent();
    }
}
