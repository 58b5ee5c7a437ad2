package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;


/**
 * A command that needs a logged-in crypto user. Without a session the command still "reaches the
 * HSM" as in KMU: every node answers the not-logged-in code (printed with its cluster block) and
 * the attempt is audited.
 */
abstract class SessionCommand implements KmuCommand {
    /** What the commands that wrap or unwrap with a key print when {@code -w} is missing. */
    static final String WRAPPING_KEY_MISSING = "Error: Handle of wrapping Key (-w) is missing.";

    /** The Cfm3 call name printed in the result line. */
    abstract String call();

    /** The call name for these options (aesWrapUnwrap's depends on its mode); by default {@link #call()}. */
    String call(ParsedOptions options) {
        return call();
    }

    /** Client-side checks after parsing; a non-null status stops the command before the HSM. */
    ExitStatus check(ParsedOptions options, KmuContext context) {
        return null;
    }

    abstract ExitStatus run(ParsedOptions options, HsmSession session, KmuContext context);

    @Override
    public final ExitStatus execute(ParsedOptions options, KmuContext context) {
        ExitStatus refused = check(options, context);
        if (refused != null) {
            return refused;
        }
        if (context.session().isEmpty()) {
            HsmResult<Void> noLogin = context.cluster().refuseWithoutLogin(name(), options.arguments(secretOptions()));
            context.printer().resultAndBlock(call(options), noLogin);
            return ExitStatus.ERROR;
        }
        return run(options, context.session().get(), context);
    }

    /**
     * The checks every key-creating command shares with genSymKey: {@code -timeout} needs
     * {@code -min_srv}, a session key cannot be shared. Null when both hold.
     */
    final ExitStatus checkSyncAndSharing(ParsedOptions o, KmuContext context) {
        ExitStatus notNumbers = requireNumbers(o, context, "-m_value", "-min_srv", "-timeout");
        if (notNumbers != null) {
            return notNumbers;
        }
        if (o.has("-timeout") && o.integer("-min_srv") == null) {
            return usage(context, "Error: Minimum servers (-min_srv) option is missing");
        }
        if (o.flag("-sess") && o.has("-u")) {
            return usage(context, "Error: sharing session keys is not allowed");
        }
        return null;
    }

    /**
     * {@link #checkSyncAndSharing}, then the upper bounds KMU checks itself for the key-generating
     * commands (m_value above its maximum, min_srv above the cluster's size), answered with the help
     * text alone; the simulator judges the rest. Null when all hold.
     */
    final ExitStatus checkKeyCreation(ParsedOptions o, KmuContext context) {
        ExitStatus sync = checkSyncAndSharing(o, context);
        if (sync != null) {
            return sync;
        }
        Integer mValue = o.integer("-m_value");
        Integer minSrv = o.integer("-min_srv");
        if ((mValue != null && mValue > io.hsmconsole.hsm.key.MValue.MAX)
                || (minSrv != null && minSrv > context.cluster().info().nodeCount())) {
            context.printer().out().print(help());
            return ExitStatus.USAGE;
        }
        return null;
    }

    /**
     * Options that take a number, given something else ({@code -min_srv abc}): a usage error naming the
     * option and the value, rather than running as if it were absent. Null when each given one is a number.
     */
    final ExitStatus requireNumbers(ParsedOptions o, KmuContext context, String... options) {
        for (String option : options) {
            if (o.has(option) && o.integer(option) == null) {
                return usage(context, "Error: Invalid value for " + option + " (" + o.text(option)
                        + "): a whole number is expected.");
            }
        }
        return null;
    }

    /** A required handle option; null when it is there. */
    final ExitStatus requireHandle(ParsedOptions o, KmuContext context, String option, String message) {
        return o.handle(option) == null ? usage(context, message) : null;
    }

    /** Prints a client-side error, then the help text: a usage error. */
    final ExitStatus usage(KmuContext context, String message) {
        context.printer().error(message);
        context.printer().out().print(help());
        return ExitStatus.USAGE;
    }
}
