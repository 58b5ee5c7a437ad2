package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KmuPrinter;
import io.hsmconsole.text.TokenText;

import java.util.Optional;

/**
 * {@code getToken -n 5|6 -k <key> -u <user> -f <file>}: asks the HSM for a quorum token for one
 * operation on a key with m_value 2 or more, and writes the token's challenge to the file: the bytes
 * each approver signs ({@code openssl dgst -sha256 -sign <their key> -out <sig> <file>}).
 */
final class GetTokenCommand extends SessionCommand {
    private static final String HELP = HelpText.of("Initiates a quorum (M of N) service for a key and gets a token.",
            "getToken -h -n <service number> -k <key handle> -u <user name> -f <token file> [-F <flags>]", """
            -h  displays this information
                   -n  specifies the service: 5 = USE_KEY (export, wrap), 6 = MANAGE_KEY (share, attributes)
                   -k  specifies the handle of the key (its m_value is 2 or more)
                   -u  specifies your user name (the token belongs to your session)
                   -f  specifies the file to store the token in: the bytes approvers sign
                   -F  4 = create the token even if old tokens exist (always the case here)""");

    @Override
    public String name() {
        return "getToken";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.valued("-n", "-k", "-u", "-f", "-F");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3GetToken";
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        Integer service = o.integer("-n");
        if (service == null) {
            return usage(context, "Error: Service number (-n) is missing.");
        }
        if (QuorumService.forKeys(service).isEmpty()) {
            return usage(context, "Error: Service number (-n) must be 5 (USE_KEY) or 6 (MANAGE_KEY): the simulator"
                    + " has quorum on keys only.");
        }
        if (o.handle("-k") == null) {
            return usage(context, "Error: Key Handle (-k) is missing.");
        }
        if (o.text("-u") == null) {
            return usage(context, "Error: User name (-u) is missing.");
        }
        if (o.text("-f") == null) {
            return usage(context, "Error: Token file (-f) is missing.");
        }
        if (o.has("-F") && !"4".equals(o.text("-F"))) {
            context.printer().out().print(HELP);
            return ExitStatus.USAGE;
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        KmuPrinter p = context.printer();
        if (!session.user().name().equalsIgnoreCase(o.text("-u"))) {
            // The line parsed; the session refuses it: an error (exit 1). A usage error (2) would need the help text.
            p.error("Error: -u must name the logged-in user (" + session.user().name() + "): a token belongs to the"
                    + " session that asks for it.");
            return ExitStatus.ERROR;
        }
        QuorumService service = QuorumService.forKeys(o.integer("-n")).orElseThrow();
        HsmResult<QuorumToken> result = session.quorumTokens().getToken(service, o.handle("-k"));
        p.result(call(), result.code());
        Optional<QuorumToken> token = result.valueIfSuccess();
        if (token.isEmpty()) {
            p.clusterBlock(result.nodes());
            return ExitStatus.ERROR;
        }
        if (!KeyFiles.write(context, o.text("-f"), token.get().challenge(), "token file")) {
            // Nothing half-made: without its file nobody could approve the token.
            session.quorumTokens().deleteToken(token.get().id());
            return ExitStatus.ERROR;
        }
        TokenText.written(p, token.get(), o.text("-f"), result.nodes());
        return ExitStatus.SUCCESS;
    }
}
