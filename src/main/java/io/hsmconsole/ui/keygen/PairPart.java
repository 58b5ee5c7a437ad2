package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.GenSymKeyField;
import io.hsmconsole.controller.UserRef;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.PairRules;
import io.hsmconsole.text.KmuText;
import io.hsmconsole.text.cli.KmuTranslation;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key form's key-pair fields: genRSAKeyPair's modulus ({@code -m}) and public exponent
 * ({@code -e}), genDSAKeyPair's length of the prime p (also {@code -m}), genECCKeyPair's curve ({@code -i}, from the simulator's list), their previews, and
 * the pair request the simulator judges. Numbers stay as typed: one that is not a number is said
 * here; whether a number is allowed is only ever the simulator's answer ({@code checkKeyPair}).
 */
final class PairPart {
    /** Modulus lengths offered in the list (free entry stays possible): the usual ones. */
    private static final List<String> SUGGESTED_MODULI = List.of("2048", "3072", "4096");
    private static final String DEFAULT_EXPONENT = PairRules.MIN_PUBLIC_EXPONENT.toString();

    private final Messages messages;
    private final boolean fips;
    private final StringProperty modulus = new SimpleStringProperty(this, "modulus", "2048");
    private final StringProperty exponent = new SimpleStringProperty(this, "exponent", DEFAULT_EXPONENT);
    private final ObjectProperty<EcCurve> curve = new SimpleObjectProperty<>(this, "curve", EcCurve.PRIME256V1);

    PairPart(Messages messages, boolean fips) {
        this.messages = messages;
        this.fips = fips;
    }

    List<Observable> inputs() {
        return List.of(modulus, exponent, curve);
    }

    /** The lengths the modulus list offers: RSA's usual ones, or DSA's one ({@link PairRules#DSA_MODULUS_BITS}). */
    List<String> suggestedModuli(FormKind kind) {
        return kind == FormKind.DSA ? List.of(String.valueOf(PairRules.DSA_MODULUS_BITS)) : SUGGESTED_MODULI;
    }

    /** The curves the HSM knows, in listECCCurveIds' order. */
    List<EcCurve> curves() {
        return EcCurve.listed();
    }

    /** Why this curve cannot be chosen on this cluster (prime192v1 on a FIPS cluster), or empty. */
    Optional<String> curveRefusal(EcCurve c) {
        return fips && c.refusedInFips() ? Optional.of(messages.format("keygen.curve.refusedInFips",
                KmuText.code(ReturnCode.POLICY_VIOLATION))) : Optional.empty();
    }

    String modulusHint(FormKind kind) {
        if (kind == FormKind.DSA) {
            return messages.format("keygen.modulus.hint.dsa", PairRules.DSA_MODULUS_BITS, PairRules.DSA_SUBPRIME_BITS);
        }
        return messages.format(fips ? "keygen.modulus.hint.fips" : "keygen.modulus.hint", PairRules.MIN_MODULUS_BITS,
                PairRules.MAX_MODULUS_BITS, PairRules.MODULUS_STEP, PairRules.FIPS_MIN_MODULUS_BITS);
    }

    String exponentHint() {
        return messages.format("keygen.exponent.hint", DEFAULT_EXPONENT);
    }

    /** What is typed that is not a number at all (the simulator is asked about everything else). */
    Map<GenSymKeyField, String> inputProblems(FormKind kind) {
        Map<GenSymKeyField, String> found = new EnumMap<>(GenSymKeyField.class);
        if (kind.takesModulus() && TypedRequest.parseInt(modulus.get()) == null) {
            found.put(GenSymKeyField.MODULUS, messages.get("keygen.problem.modulusNotNumber"));
        }
        if (kind == FormKind.RSA && parseExponent(exponent.get()) == null) {
            found.put(GenSymKeyField.EXPONENT, messages.get("keygen.problem.exponentNotNumber"));
        }
        return found;
    }

    /** The codes a number that is not a number stands for: the ones the HSM gives a wrong value of that option. */
    static ReturnCode inputCode(GenSymKeyField field) {
        return field == GenSymKeyField.MODULUS ? ReturnCode.MODULUS_LENGTH_INVALID : ReturnCode.PUBLIC_EXPONENT_INVALID;
    }

    /** The request as typed; unparsable numbers become 0, which the simulator refuses with the option's code. */
    KeyPairRequest request(FormKind kind, KeyOptions options) {
        if (kind == FormKind.RSA) {
            Integer bits = TypedRequest.parseInt(modulus.get());
            BigInteger e = parseExponent(exponent.get());
            return KeyPairRequest.rsa(bits == null ? 0 : bits, e == null ? BigInteger.ZERO : e, options);
        }
        if (kind == FormKind.DSA) {
            Integer bits = TypedRequest.parseInt(modulus.get());
            return KeyPairRequest.dsa(bits == null ? 0 : bits, options);
        }
        EcCurve c = curve.get();
        return KeyPairRequest.ec(c == null ? -1 : c.id(), options);
    }

    /**
     * {@code genRSAKeyPair -m 2048 -e 65537 -l …} / {@code genDSAKeyPair -m 2048 -l …} /
     * {@code genECCKeyPair -i 2 -l …}, as the pages write them.
     */
    String kmu(FormKind kind, KeyGenForm f) {
        List<String> parts = new ArrayList<>();
        if (kind == FormKind.RSA) {
            parts.addAll(List.of("genRSAKeyPair", "-m", orPlaceholder(trim(modulus.get()), "<bits>"),
                    "-e", orPlaceholder(trim(exponent.get()), "<exponent>")));
        } else if (kind == FormKind.DSA) {
            parts.addAll(List.of("genDSAKeyPair", "-m", orPlaceholder(trim(modulus.get()), "<bits>")));
        } else {
            parts.addAll(List.of("genECCKeyPair", "-i", curve.get() == null ? "<curve id>" : String.valueOf(curve.get().id())));
        }
        parts.addAll(List.of("-l", orPlaceholder(GenSymKeyCommands.quoted(f.label()), "<label>")));
        parts.addAll(GenSymKeyCommands.commonOptions(f));
        return String.join(" ", parts);
    }

    /**
     * The CloudHSM CLI's {@code key generate-asymmetric-pair rsa|ec} ({@link KmuTranslation#genKeyPair}),
     * or, for DSA, that the CLI has none ({@link KmuTranslation#genDsaKeyPair}).
     */
    String cloudHsmCli(FormKind kind, KeyGenForm f) {
        if (kind == FormKind.DSA) {
            return KmuTranslation.genDsaKeyPair();
        }
        return KmuTranslation.genKeyPair(new KmuTranslation.GenKeyPair(kind == FormKind.RSA, trim(modulus.get()),
                trim(exponent.get()), curve.get() == null ? "" : curve.get().curveName(),
                GenSymKeyCommands.quoted(f.label()), GenSymKeyCommands.quoted(f.id()), f.nonExtractable(), f.session(),
                f.shareWith().stream().map(UserRef::name).toList(), f.mValue(),
                !f.minSrv().isEmpty() || !f.timeout().isEmpty(), f.attest()));
    }

    /**
     * The values a refusal's sentence may quote, after {@link ProblemWording}'s: {13} modulus, {14}-{16}
     * its range and step, {17} exponent, {18} curve ids, {19} FIPS minimum, {20} curve, {21}-{22} the
     * exponent's minimum and largest bit length, {23} DSA's one length of p. All are the simulator's
     * ({@link PairRules}).
     */
    Object[] wordingArguments() {
        EcCurve c = curve.get();
        return new Object[] {trim(modulus.get()), PairRules.MIN_MODULUS_BITS, PairRules.MAX_MODULUS_BITS,
                PairRules.MODULUS_STEP, trim(exponent.get()), PairRules.curveIds(), PairRules.FIPS_MIN_MODULUS_BITS,
                c == null ? "" : c.curveName(), PairRules.MIN_PUBLIC_EXPONENT.toString(), PairRules.MAX_EXPONENT_BITS,
                PairRules.DSA_MODULUS_BITS};
    }

    private static BigInteger parseExponent(String text) {
        try {
            return text == null ? null : new BigInteger(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String orPlaceholder(String value, String placeholder) {
        return value.isEmpty() ? placeholder : value;
    }

    StringProperty modulusProperty() {
        return modulus;
    }

    StringProperty exponentProperty() {
        return exponent;
    }

    ObjectProperty<EcCurve> curveProperty() {
        return curve;
    }
}
