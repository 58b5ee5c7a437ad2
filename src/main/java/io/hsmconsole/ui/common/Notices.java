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

    /** As {@link #of}, for an action that degrades the cluster when it works: its success is a warning. */
    public Notice degrading(HsmResult<?> result, String action, String successText) {
        return result.isSuccess() ? Notice.warning(successText) : refused(result, action);
    }

    public Notice refused(HsmResult<?> result, String action) {
        String sentence = messages.format("views.refused", action, errors.sentence(result.code()));
        return Notice.error(sentence, errors.codeLine(result.code(), sentence));
    }

    /** A problem with what the user typed, found before anything reached the HSM. */
    public Notice invalidInput(String text) {
        return Notice.error(text, "");
    }
}
