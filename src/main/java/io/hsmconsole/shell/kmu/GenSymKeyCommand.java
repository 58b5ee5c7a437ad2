package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.CreatedKeyText;
import io.hsmconsole.text.KeySyncProgress;

import java.util.List;

/**
 * {@code genSymKey}: the client-side checks KMU makes before it calls the HSM (reference §2), then
 * the key generation itself, which the simulator validates (sizes, IDs, sharing, quorum, FIPS).
 */
final class GenSymKeyCommand extends SessionCommand {

    private static final String HELP = HelpText.of("Generates a Symmetric  keys.",
            """
            genSymKey -h -l <label > -t <key type> -s <key size>
            \t\t\t[-sess] [-id <key ID>] [-nex] [-attest]
            \t\t\t[-u <user-ids>] [-m_value <0..%d>]
            \t\t\t[-min_srv <minimum number of servers>] [-timeout <number of seconds>]""",
            """
            -h       displays this information
                   -l       specifies the Key Label
                   -t       specifies the key type
                            (16 = GENERIC_SECRET, 18 = RC4, 21 = DES3, 31 = AES)
                   -s       specifies the key size in bytes
                            for AES : 16, 24, 32
                                3DES: 24
                                RC4 : <= 256
                                GENERIC_SECRET: < 3584
                   -sess    specifies key as session key
                   -id      specifies key ID
                   -nex     set the key as non-extractable
                   -u       specifies the list of users to share with (separated by ,) (optional)
                   -m_value specifies the number of users to approve for any key service
                   -min_srv specifies the number of servers the key should atleast be generated on or poll till it gets generated
                            (till the time specified by -timeout option)
                            if the key fails to get synced on required number of servers, the key will be deleted
                   -timeout specifies the number of seconds to wait for the key to get synced when min_srv option is used.
                            If nothing is specified, the polling will continue forever
                   -attest  performs the attestation check on the firmware response""").formatted(MValue.MAX);

    private static final OptionSpec OPTIONS = OptionSpec.of(
            List.of("-l", "-t", "-s", "-id", "-u", "-m_value", "-min_srv", "-timeout"),
            List.of("-sess", "-nex", "-attest"));

    @Override
    public String name() {
        return "genSymKey";
    }

    @Override
    public OptionSpec options() {
        return OPTIONS;
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3GenerateSymmetricKey";
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        ExitStatus notNumbers = requireNumbers(o, context, "-t", "-s");
        if (notNumbers != null) {
            return notNumbers;
        }
        if (o.integer("-t") == null) {
            return usage(context, "Error: Key type (-t) is missing.");
        }
        if (o.integer("-s") == null) {
            return usage(context, "Error: Key size (-s) is missing.");
        }
        if (o.text("-l") == null) {
            return usage(context, "Error: Key label (-l) is missing.");
        }
        ExitStatus creation = checkKeyCreation(o, context);
        if (creation != null) {
            return creation;
        }
        HsmType type = context.cluster().hsmType();
        // Only RC4 is refused by KMU itself (3DES reaches the HSM, which answers POLICY_VIOLATION).
        if (o.integer("-t") == KeyType.RC4.code() && !context.cluster().mayMakeKeysOf(KeyType.RC4).granted()) {
            context.printer().out().printf("%n RC4 is not allowed in FIPS mode%n");
            context.printer().out().printf("%n Current FIPS mode: %08x%n", type.fipsState());
            return ExitStatus.ERROR;
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        GenSymKeyRequest request = new GenSymKeyRequest(o.integer("-t"), o.integer("-s"), o.text("-l"),
                o.text("-id"), o.flag("-nex"), o.flag("-sess"), UserList.parse(o.text("-u")),
                o.integer("-m_value") == null ? 0 : o.integer("-m_value"), o.integer("-min_srv"),
                o.integer("-timeout"), o.flag("-attest"));
        KeySyncProgress progress = new KeySyncProgress(context.printer(), session, CreatedKeyText.GENERATED);
        HsmResult<GeneratedKey> result = session.generateSymmetricKey(request, progress);
        CreatedKeyText.print(context.printer(), call(), CreatedKeyText.GENERATED, result, request.minServers(), progress.announced());
        return ExitStatus.of(result.isSuccess());
    }
}
