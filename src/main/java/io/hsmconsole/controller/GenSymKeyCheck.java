package io.hsmconsole.controller;

import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.key.KeyType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pre-flight of a genSymKey request for the form: every reason the simulator would refuse it,
 * each tied to a field, so the form can explain them all inline before anything reaches the HSM.
 *
 * <p>Why this exists outside the simulator: {@code HsmSession} has no dry-run of genSymKey yet
 * (requested: {@code HsmSession.checkGenSymKey(GenSymKeyRequest) -> List<ReturnCode>}). Until it has,
 * this class composes the simulator's own public rule predicates ({@link KeyType#isValidSize},
 * {@link KeyType#refusedInFips}, {@link KeyNaming}) in the order {@code KeyGeneration.validate}
 * applies them, and {@code GenSymKeyCheckConformanceTest} generates requests to prove that its
 * first problem is always the code the simulator answers. The simulator stays the judge: Generate
 * still sends the request and shows whatever the simulator says. ID uniqueness needs the store and
 * is asked separately ({@link KeyController#isKeyIdInUse}).
 */
public final class GenSymKeyCheck {
    /** The largest {@code -m_value} the HSM accepts (reference §2). */
    public static final int MAX_M_VALUE = 8;

    private GenSymKeyCheck() {
    }

    /** Every refusal, in the simulator's order (the first is what the simulator would answer). */
    public static List<GenSymKeyProblem> problems(GenSymKeyRequest req, GenSymKeyContext ctx) {
        List<GenSymKeyProblem> found = new ArrayList<>();
        Optional<KeyType> type = KeyType.fromCode(req.keyTypeCode());
        if (type.isEmpty()) {
            found.add(new GenSymKeyProblem(GenSymKeyField.TYPE, ReturnCode.INVALID_KEY_TYPE));
        } else if (ctx.hsmType().fips() && type.get().refusedInFips()) {
            found.add(new GenSymKeyProblem(GenSymKeyField.TYPE, ReturnCode.POLICY_VIOLATION));
        } else if (!type.get().isValidSize(req.sizeBytes())) {
            found.add(new GenSymKeyProblem(GenSymKeyField.SIZE, ReturnCode.INVALID_KEY_SIZE));
        }
        if (!KeyNaming.isValidLabel(req.label())) {
            found.add(new GenSymKeyProblem(GenSymKeyField.LABEL, ReturnCode.INVALID_LABEL));
        }
        if (!KeyNaming.isValidId(req.id())) {
            found.add(new GenSymKeyProblem(GenSymKeyField.ID, ReturnCode.INVALID_KEY_ID));
        }
        if (req.timeoutSeconds() != null && req.minServers() == null) {
            found.add(new GenSymKeyProblem(GenSymKeyField.TIMEOUT, ReturnCode.TIMEOUT_NEEDS_MIN_SRV));
        }
        if (req.minServers() != null && (req.minServers() < 1 || req.minServers() > ctx.nodeCount())) {
            found.add(new GenSymKeyProblem(GenSymKeyField.MIN_SRV, ReturnCode.MIN_SRV_INVALID));
        }
        if (req.timeoutSeconds() != null && req.timeoutSeconds() < 0) {
            found.add(new GenSymKeyProblem(GenSymKeyField.TIMEOUT, ReturnCode.MIN_SRV_INVALID));
        }
        if (req.session() && !req.shareWith().isEmpty()) {
            found.add(new GenSymKeyProblem(GenSymKeyField.SESSION, ReturnCode.SESSION_KEY_NOT_SHAREABLE));
        }
        if (req.shareWith().contains(ctx.callerId())) {
            found.add(new GenSymKeyProblem(GenSymKeyField.SHARING, ReturnCode.SHARE_WITH_OWNER));
        }
        long distinctShares = req.shareWith().stream().distinct().count();
        if (req.mValue() < 0 || req.mValue() > MAX_M_VALUE || req.mValue() > 1 + distinctShares) {
            found.add(new GenSymKeyProblem(GenSymKeyField.M_VALUE, ReturnCode.M_VALUE_INVALID));
        }
        if (req.attest()) {
            found.add(new GenSymKeyProblem(GenSymKeyField.ATTEST, ReturnCode.ATTESTATION_UNAVAILABLE));
        }
        if (!req.session() && req.shareWith().stream().anyMatch(u -> !ctx.cryptoUserIds().contains(u))) {
            found.add(new GenSymKeyProblem(GenSymKeyField.SHARING, ReturnCode.SHARE_USER_INVALID));
        }
        return found;
    }

    /** The largest m_value the HSM accepts with this many users shared. */
    public static int maxMValue(int sharedUsers) {
        return Math.min(MAX_M_VALUE, 1 + sharedUsers);
    }
}
