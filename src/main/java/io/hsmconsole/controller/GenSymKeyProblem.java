package io.hsmconsole.controller;

import io.hsmconsole.hsm.ReturnCode;

/** A reason the HSM would refuse a genSymKey request, and the form field it is about. */
public record GenSymKeyProblem(GenSymKeyField field, ReturnCode code) {
}
