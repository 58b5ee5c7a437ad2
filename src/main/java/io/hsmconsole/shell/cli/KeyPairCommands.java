package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.Sdk5PairAttributes;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliSyntax;
import io.hsmconsole.text.cli.CliSyntaxes;
import io.hsmconsole.text.cli.CliUsageText;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code key generate-asymmetric-pair rsa|ec} (cloudhsm_cli-key-generate-asymmetric-pair-*.md): the
 * options become a key-pair request with SDK 5's per-half labels and attributes; the simulator judges
 * modulus, exponent and curve as it does for genRSAKeyPair/genECCKeyPair.
 */
final class KeyPairCommands {
    private KeyPairCommands() {
    }

    static List<CliCommand> all() {
        return List.of(new SimpleCommand(CliSyntaxes.KEY_GENERATE_RSA, KeyPairCommands::rsa),
                new SimpleCommand(CliSyntaxes.KEY_GENERATE_EC, KeyPairCommands::ec));
    }

    private static ExitStatus rsa(CliContext context, CliArguments args) throws CliUsageException {
        CliSyntax syntax = CliSyntaxes.KEY_GENERATE_RSA;
        int bits = args.number(syntax, "modulus-size-bits");
        String exponentText = args.value("public-exponent");
        if (!exponentText.matches("[0-9]{1,309}")) {
            throw new CliUsageException(CliUsageText.invalidValue(exponentText,
                    syntax.option("public-exponent").orElseThrow(), CliUsageText.notANumber(exponentText)));
        }
        BigInteger exponent = new BigInteger(exponentText);
        return generate(context, args, syntax, "genRSAKeyPair", options -> KeyPairRequest.rsa(bits, exponent, options));
    }

    private static ExitStatus ec(CliContext context, CliArguments args) throws CliUsageException {
        // A curve name the HSM does not know gets the HSM's answer, CURVE_INVALID, as genECCKeyPair
        // would give it: -1 is no curve id (every name the page lists is one the HSM makes).
        int curveId = EcCurve.fromCurveName(args.value("curve")).map(EcCurve::id).orElse(-1);
        return generate(context, args, CliSyntaxes.KEY_GENERATE_EC, "genECCKeyPair", options -> KeyPairRequest.ec(curveId, options));
    }

    private static ExitStatus generate(CliContext context, CliArguments args, CliSyntax syntax, String hsmCommand,
                                       Function<KeyOptions, KeyPairRequest> request) throws CliUsageException {
        int manage = KeyGenerateCommands.quorumValue(args.number(syntax, "manage-private-key-quorum-value"));
        int use = KeyGenerateCommands.quorumValue(args.number(syntax, "use-private-key-quorum-value"));
        Optional<HsmSession> session = context.requireSession(hsmCommand);
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        GenerationAttributes pub;
        GenerationAttributes priv;
        List<Integer> shareWith;
        try {
            pub = GenerationAttributes.parse(args.values("public-attributes"));
            priv = GenerationAttributes.parse(args.values("private-attributes"));
            shareWith = KeyGenerateCommands.shareWith(context, args);
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        if (pub.extractable().equals(Optional.of(false))) {
            // the HSM gives every public key extractable=true (anyone may read it); say so rather than ignore it
            return context.error(CliMessages.of(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE));
        }
        boolean token = priv.token().or(pub::token).orElse(!args.has("session"));
        String id = priv.id().or(pub::id).orElse("");
        KeyOptions options = new KeyOptions(args.value("public-label"), id, !priv.extractable().orElse(true), !token,
                shareWith, use, null, null, false, manage);
        Sdk5PairAttributes sdk5 = new Sdk5PairAttributes(args.value("public-label"), args.value("private-label"),
                pub.usage(), priv.usage());
        HsmResult<GeneratedPair> made = session.get().pairs().generateSdk5KeyPair(request.apply(options), sdk5);
        return context.answer(made, pair -> {
            ObjectNode data = CliJson.object();
            data.set("public_key", KeyGenerateCommands.describe(context, session.get(), pair.publicHandle()));
            data.set("private_key", KeyGenerateCommands.describe(context, session.get(), pair.privateHandle()));
            return context.success(data);
        });
    }
}
