package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.PairRules;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyPairText;

import java.util.List;
import java.util.stream.Collectors;

/** {@code genECCKeyPair -i <EC curve id> -l <label> ...} (key_mgmt_util-genECCKeyPair.md). */
final class GenEccKeyPairCommand extends KeyPairCommand {
    private static final String HELP = HelpText.of("Generates an ECC Key Pair.",
            """
            genECCKeyPair -h -i <EC curve id> -l <label>
            \t\t\t[-id <key ID>] [-min_srv <minimum number of servers>] [-m_value <0..%d>]
            \t\t\t[-nex] [-sess] [-timeout <number of seconds>] [-u <user-ids>] [-attest]"""
                    .formatted(io.hsmconsole.hsm.key.MValue.MAX),
            """
            -h       displays this information
                   -i       specifies the elliptic curve id (listECCCurveIds lists them):
            %s
            """.formatted(curveLines()) + COMMON_OPTIONS);

    GenEccKeyPairCommand() {
        super("genECCKeyPair", List.of("-i"), HELP);
    }

    private static String curveLines() {
        return EcCurve.listed().stream().map(c -> String.format("%18s%2d = %s%s", "", c.id(), c.nid(),
                c.refusedInFips() ? " (not in FIPS mode)" : "")).collect(Collectors.joining("\n"));
    }

    @Override
    ExitStatus checkAlgorithm(ParsedOptions o, KmuContext context) {
        return o.integer("-i") == null ? usage(context, KeyPairText.numberNeeded("Curve id", "-i", o.has("-i"),
                "one listECCCurveIds lists (" + PairRules.curveIds() + ")")) : null;
    }

    @Override
    KeyPairRequest request(ParsedOptions o, KeyOptions options) {
        return KeyPairRequest.ec(o.integer("-i"), options);
    }
}
