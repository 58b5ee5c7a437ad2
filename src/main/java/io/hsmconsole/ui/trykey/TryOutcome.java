package io.hsmconsole.ui.trykey;

import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.text.KeyUseText;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What one try of the key ended in, as the form shows it: the result bytes in hex, a sentence (what
 * was done, or the HSM's refusal naming what to do), and the step it leads on to (Unwrap after Wrap,
 * Verify after Sign) with the bytes that step takes.
 */
final class TryOutcome {
    private final Messages messages;
    private final HsmErrors errors;
    final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    final ReadOnlyObjectWrapper<TryOperation> follow = new ReadOnlyObjectWrapper<>(this, "follow");
    private byte[] lastOutput;

    TryOutcome(Messages messages) {
        this.messages = messages;
        this.errors = new HsmErrors(messages);
    }

    void clear() {
        notice.set(Notice.NONE);
        result.set("");
        follow.set(null);
        lastOutput = null;
    }

    /** The bytes the last operation produced, which the follow-up step takes; null when there are none. */
    byte[] lastOutput() {
        return lastOutput;
    }

    /** Input refused before the HSM: {@code messageKey} says what is wrong with it. */
    void invalid(String messageKey) {
        notice.set(Notice.error(messages.get(messageKey), ""));
    }

    void info(String messageKey) {
        notice.set(Notice.info(messages.get(messageKey)));
    }

    /** Wrap, unwrap or sign answered: the bytes, or the refusal. */
    void produced(TryOperation op, KeyDetails k, SignMechanism mechanism, int inputLength, HsmResult<byte[]> r) {
        if (!r.isSuccess()) {
            refused(op, k, r);
            return;
        }
        byte[] out = r.value();
        lastOutput = out;
        result.set(String.join("\n", KeyUseText.hexLines(out)));
        String done = messages.format("trykey.done." + op.name().toLowerCase(Locale.ROOT), k.handle(),
                inputLength, out.length, PairTry.name(mechanism));
        String asText = op == TryOperation.UNWRAP ? printable(out).map(t -> " " + messages.format("trykey.done.asText", t))
                .orElse("") : "";
        notice.set(Notice.info(done + asText));
        follow.set(op == TryOperation.WRAP ? TryOperation.UNWRAP : op == TryOperation.SIGN ? TryOperation.VERIFY : null);
    }

    /** Verify answered; {@code used} is the key that verified (the public half of the shown private key). */
    void verified(long used, KeyDetails k, HsmResult<Void> r) {
        if (r.isSuccess()) {
            notice.set(Notice.info(messages.format(used == k.handle() ? "trykey.done.verify" : "trykey.done.verifyPublic",
                    used, k.handle())));
        } else {
            refused(TryOperation.VERIFY, k, r);
        }
    }

    /** The HSM's refusal in words: for a missing attribute, which one and who can set it. */
    private void refused(TryOperation op, KeyDetails k, HsmResult<?> r) {
        String verb = verb(op);
        String sentence;
        if (r.code() == ReturnCode.KEY_FUNCTION_NOT_PERMITTED) {
            Attribute a = op.permittedBy();
            sentence = messages.format(k.ownedByMe() ? "trykey.refused.attribute.owner" : "trykey.refused.attribute",
                    k.handle(), verb, a.kmuName(), a.id(), k.owner().toString());
        } else {
            sentence = messages.format("trykey.refused", k.handle(), verb, errors.sentence(r.code()));
        }
        notice.set(Notice.error(sentence, errors.codeLine(r.code(), sentence)));
    }

    /** {@code sign}, {@code wrap data}: what the operation does, for sentences. */
    String verb(TryOperation op) {
        return messages.get("trykey.verb." + op.name().toLowerCase(Locale.ROOT));
    }

    /** The bytes as text when they are valid UTF-8 without control characters (besides line ends). */
    private static Optional<String> printable(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            boolean clean = text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
            return clean && !text.isBlank() ? Optional.of(text.strip()) : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
