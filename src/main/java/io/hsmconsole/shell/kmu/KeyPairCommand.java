package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KeyPairText;
import io.hsmconsole.text.KeySyncProgress;

import java.util.ArrayList;
import java.util.List;

/**
 * What genRSAKeyPair and genECCKeyPair share: the label, ID, sharing, quorum, session and
 * replication options of their pages (checked on the client as genSymKey's are), the call and its
 * output. The subclass names its own algorithm options and builds the request.
 */
abstract class KeyPairCommand extends DescribedCommand {
    /** The options after the algorithm's, in the pages' order. */
    static final String COMMON_OPTIONS = """
                   -l       specifies the label for the key pair (both keys)
                   -id      specifies the ID for the key pair (both keys)
                   -min_srv specifies the number of servers the key should atleast be generated on or poll till it gets generated
                            (till the time specified by -timeout option)
                            if the key fails to get synced on required number of servers, the key will be deleted
                   -m_value specifies the number of users to approve any service with the private key
                   -nex     set the private key as non-extractable (public keys are always extractable)
                   -sess    specifies keys as session keys
                   -timeout specifies the number of seconds to wait for the key to get synced when min_srv option is used.
                            If nothing is specified, the polling will continue forever
                   -u       specifies the list of users to share the private key with (separated by ,) (optional)
                   -attest  performs the attestation check on the firmware response""";

    KeyPairCommand(String name, List<String> algorithmOptions, String help) {
        super(name, KeyPairText.GENERATE_CALL, options(algorithmOptions), help);
    }

    private static OptionSpec options(List<String> algorithmOptions) {
        List<String> valued = new ArrayList<>(algorithmOptions);
        valued.addAll(List.of("-l", "-id", "-min_srv", "-m_value", "-timeout", "-u"));
        return OptionSpec.of(valued, List.of("-nex", "-sess", "-attest"));
    }

    /** The algorithm options' client checks (missing or not a number); null when they hold. */
    abstract ExitStatus checkAlgorithm(ParsedOptions o, KmuContext context);

    abstract KeyPairRequest request(ParsedOptions o, KeyOptions options);

    @Override
    final ExitStatus check(ParsedOptions o, KmuContext context) {
        ExitStatus algorithm = checkAlgorithm(o, context);
        if (algorithm != null) {
            return algorithm;
        }
        if (o.text("-l") == null) {
            return usage(context, "Error: Key label (-l) is missing.");
        }
        return checkKeyCreation(o, context);
    }

    @Override
    final ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        KeyPairRequest request = request(o, KeyOptionsReader.read(o, o.text("-l"), o.text("-id")));
        KeySyncProgress progress = new KeySyncProgress(context.printer(), session, KeyPairText.PAIR_CREATED);
        HsmResult<GeneratedPair> result = session.pairs().generateKeyPair(request, progress);
        KeyPairText.generated(context.printer(), result, o.integer("-min_srv"), progress.announced());
        return ExitStatus.of(result.isSuccess());
    }
}
