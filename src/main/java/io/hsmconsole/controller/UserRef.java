package io.hsmconsole.controller;

/** A user as the console names one: {@code alice (4)}. */
public record UserRef(int id, String name) {

    @Override
    public String toString() {
        return name + " (" + id + ")";
    }
}
