package io.hsmconsole.ui.common;

import io.hsmconsole.hsm.HsmResult;

/**
 * Turns a result into the notice a screen shows: the success sentence, or "X was refused:" with the
 * simulator's reason in plain words and its return code.
 */
public final class Notices {
    private final Messages messages;
    private final HsmErrors errors;

    public Notices(Messages messages) {
        this.messages = messages;
        this.errors = new HsmErrors(messages);
    }

    public Notice of(HsmResult<?> result, String action, String successText) {
        if (result.isSuccess()) {
            return Notice.info(successText);
        }
        return refused(result, action);
    }

    public Notice refused(HsmResult<?> result, String action) {
        return Notice.error(messages.format("views.refused", action, errors.sentence(result.code())),
                errors.codeLine(result.code()));
    }

    /** A problem with what the user typed, found before anything reached the HSM. */
    public Notice invalidInput(String text) {
        return Notice.error(text, "");
    }
}
