package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.PairRules;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyPairText;

import java.util.List;

/** {@code genDSAKeyPair -m <modulus length> -l <label> ...} (key_mgmt_util-genDSAKeyPair.md). */
final class GenDsaKeyPairCommand extends KeyPairCommand {
    private static final String HELP = HelpText.of("Generates a DSA Key Pair.",
            """
            genDSAKeyPair -h -m <modulus length> -l <label>
            \t\t\t[-id <key ID>] [-min_srv <minimum number of servers>] [-m_value <0..%d>]
            \t\t\t[-nex] [-sess] [-timeout <number of seconds>] [-u <user-ids>] [-attest]"""
                    .formatted(io.hsmconsole.hsm.key.MValue.MAX),
            """
            -h       displays this information
                   -m       specifies the modulus length in bits: the only valid value is %d
            """.formatted(PairRules.DSA_MODULUS_BITS) + COMMON_OPTIONS);

    GenDsaKeyPairCommand() {
        super("genDSAKeyPair", List.of("-m"), HELP);
    }

    @Override
    ExitStatus checkAlgorithm(ParsedOptions o, KmuContext context) {
        return o.integer("-m") == null
                ? usage(context, KeyPairText.numberNeeded("Modulus length", "-m", o.has("-m"), PairRules.dsaModulusRange()))
                : null;
    }

    @Override
    KeyPairRequest request(ParsedOptions o, KeyOptions options) {
        return KeyPairRequest.dsa(o.integer("-m"), options);
    }
}
