package io.hsmconsole.controller;

/** The options of {@code genSymKey}, as fields of the key-generation form. */
public enum GenSymKeyField {
    TYPE, SIZE, LABEL, ID, NON_EXTRACTABLE, SESSION, SHARING, M_VALUE, MIN_SRV, TIMEOUT, ATTEST
}
