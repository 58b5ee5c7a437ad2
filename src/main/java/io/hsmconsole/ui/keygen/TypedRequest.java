package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.GenSymKeyField;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.ui.common.Messages;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The key form read as a request: the numbers typed that are not numbers (said here, each with the
 * code the HSM gives a wrong value of that option), and the {@link GenSymKeyRequest} or
 * {@link KeyPairRequest} the simulator is asked about. Unparsable numbers are replaced by harmless
 * ones so that the simulator still judges everything else.
 */
record TypedRequest(Map<GenSymKeyField, String> inputProblems, Object request) {

    static TypedRequest read(FormKind kind, KeyGenForm form, PairPart pair, Messages messages, ProblemWording wording) {
        Map<GenSymKeyField, String> found = new EnumMap<>(GenSymKeyField.class);
        Integer sizeValue = parseInt(form.size());
        Integer minValue = parseInt(form.minSrv());
        Integer timeoutValue = parseInt(form.timeout());
        if (!kind.isPair() && sizeValue == null) {
            found.put(GenSymKeyField.SIZE, wording.withCode(messages.format("keygen.problem.sizeNotNumber",
                    form.type().sizeRule()), ReturnCode.INVALID_KEY_SIZE));
        }
        pair.inputProblems(kind).forEach((field, text) -> found.put(field, wording.withCode(text, PairPart.inputCode(field))));
        if (!form.minSrv().isEmpty() && minValue == null) {
            found.put(GenSymKeyField.MIN_SRV, wording.withCode(messages.get("keygen.problem.minSrvNotNumber"),
                    ReturnCode.MIN_SRV_INVALID));
        }
        if (!form.timeout().isEmpty() && timeoutValue == null) {
            found.put(GenSymKeyField.TIMEOUT, wording.withCode(messages.get("keygen.problem.timeoutNotNumber"),
                    ReturnCode.TIMEOUT_INVALID));
        }
        Integer minServers = form.minSrv().isEmpty() ? null : minValue != null ? minValue : 1;
        Integer timeoutSeconds = form.timeout().isEmpty() ? null : timeoutValue != null ? timeoutValue : 0;
        List<Integer> shareWith = form.shareWith().stream().map(u -> u.id()).toList();
        Object request = kind.isPair()
                ? pair.request(kind, new KeyOptions(form.label(), form.id(), form.nonExtractable(), form.session(),
                        shareWith, form.mValue(), minServers, timeoutSeconds, form.attest()))
                : new GenSymKeyRequest(form.type().code(), sizeValue != null ? sizeValue : SymmetricPart.defaultSize(form.type()),
                        form.label(), form.id(), form.nonExtractable(), form.session(), shareWith, form.mValue(),
                        minServers, timeoutSeconds, form.attest());
        return new TypedRequest(Map.copyOf(found), request);
    }

    /** The typed text as a number, or null when it is none. */
    static Integer parseInt(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
