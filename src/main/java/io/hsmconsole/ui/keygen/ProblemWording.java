package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.ClusterFacts;
import io.hsmconsole.controller.GenSymKeyProblem;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.text.KmuText;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;

/**
 * The key form's refusals in words: the most specific sentence the bundle has for the code and the
 * kind of key or the field ({@code keygen.problem.CODE.DSA}, {@code keygen.problem.CODE.FIELD}, then
 * {@code keygen.problem.CODE}, then the HSM's general
 * sentence), quoting what was typed and the simulator's limits, always with the return code.
 */
final class ProblemWording {
    private final Messages messages;
    private final HsmErrors errors;
    private final ClusterFacts cluster;

    ProblemWording(Messages messages, ClusterFacts cluster) {
        this.messages = messages;
        this.errors = new HsmErrors(messages);
        this.cluster = cluster;
    }

    /** {@code kind} picks a sentence of its own where the bundle has one ({@code keygen.problem.CODE.DSA}). */
    String explain(GenSymKeyProblem p, KeyGenForm f, FormKind kind, Object[] pairArguments) {
        Object[] common = {f.type().displayName(), f.type().sizeRule(), f.size(), MValue.maxFor(f.shareWith().size()),
                f.shareWith().size(), cluster.nodeCount(), f.mValue(), shortened(f.label()), f.id(), MValue.MAX,
                KeyNaming.MAX_LABEL, KeyNaming.MAX_ID, f.label().length()};
        Object[] args = new Object[common.length + pairArguments.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(pairArguments, 0, args, common.length, pairArguments.length);
        String general = "keygen.problem." + p.code().name();
        // An empty label is missing; a typed one is wrong: say which, and show what was typed.
        String specific = p.code() == ReturnCode.INVALID_LABEL && !f.label().isEmpty() ? general + ".typed"
                : general + "." + p.field().name();
        String ofKind = general + "." + kind.name();
        String key = messages.getOr(ofKind, null) != null ? ofKind : messages.getOr(specific, null) != null ? specific
                : messages.getOr(general, null) != null ? general : null;
        return withCode(key != null ? messages.format(key, args) : errors.sentence(p.code()), p.code());
    }

    String withCode(String text, ReturnCode code) {
        return messages.format("keygen.problem.withCode", text, KmuText.code(code));
    }

    /** A typed value to quote in a sentence: long ones cut to their start (the field shows it all). */
    private static String shortened(String typed) {
        return typed.length() <= 24 ? typed : typed.substring(0, 20) + "\u2026";
    }
}
