package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.PairRules;
import io.hsmconsole.shell.ExitStatus;

import io.hsmconsole.text.KeyPairText;

import java.math.BigInteger;
import java.util.List;

/** {@code genRSAKeyPair -m <modulus length> -e <public exponent> -l <label> ...} (key_mgmt_util-genRSAKeyPair.md). */
final class GenRsaKeyPairCommand extends KeyPairCommand {
    private static final String HELP = HelpText.of("Generates an RSA Key Pair.",
            """
            genRSAKeyPair -h -m <modulus length> -e <public exponent> -l <label>
            \t\t\t[-id <key ID>] [-min_srv <minimum number of servers>] [-m_value <0..%d>]
            \t\t\t[-nex] [-sess] [-timeout <number of seconds>] [-u <user-ids>] [-attest]"""
                    .formatted(io.hsmconsole.hsm.key.MValue.MAX),
            """
            -h       displays this information
                   -m       specifies the modulus length in bits: %d to %d in steps of %d (%d or more in FIPS mode)
                   -e       specifies the public exponent: an odd number, %s or more
            """.formatted(PairRules.MIN_MODULUS_BITS, PairRules.MAX_MODULUS_BITS, PairRules.MODULUS_STEP,
                    PairRules.FIPS_MIN_MODULUS_BITS, PairRules.MIN_PUBLIC_EXPONENT) + COMMON_OPTIONS);

    GenRsaKeyPairCommand() {
        super("genRSAKeyPair", List.of("-m", "-e"), HELP);
    }

    @Override
    ExitStatus checkAlgorithm(ParsedOptions o, KmuContext context) {
        if (o.integer("-m") == null) {
            return usage(context, KeyPairText.numberNeeded("Modulus length", "-m", o.has("-m"), PairRules.modulusRange()));
        }
        if (exponent(o) == null) {
            return usage(context, KeyPairText.numberNeeded("Public exponent", "-e", o.has("-e"), PairRules.exponentRange()));
        }
        return null;
    }

    @Override
    KeyPairRequest request(ParsedOptions o, KeyOptions options) {
        return KeyPairRequest.rsa(o.integer("-m"), exponent(o), options);
    }

    /** The exponent as decimal digits (it may exceed an int); null when absent or not a number. */
    private static BigInteger exponent(ParsedOptions o) {
        String e = o.text("-e");
        return e == null || !e.matches("[0-9]{1,100}") ? null : new BigInteger(e);
    }
}
