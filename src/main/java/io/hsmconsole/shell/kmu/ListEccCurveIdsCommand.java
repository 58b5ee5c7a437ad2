package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyPairText;

/** {@code listECCCurveIds}: the curve ids genECCKeyPair takes on this cluster (no login needed: it asks nothing of a key). */
final class ListEccCurveIdsCommand implements KmuCommand {
    private static final String HELP = HelpText.noArguments("Lists the ECC curve ids the HSM supports (genECCKeyPair -i).");

    @Override
    public String name() {
        return "listECCCurveIds";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.none();
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public ExitStatus execute(ParsedOptions o, KmuContext context) {
        KeyPairText.curves(context.printer(), EcCurve.listed(), context.cluster().hsmType().fips());
        return ExitStatus.SUCCESS;
    }
}
