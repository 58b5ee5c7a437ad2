package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;

/** {@code loginStatus}: who is logged in through this session. */
final class LoginStatusCommand implements KmuCommand {
    @Override
    public String name() {
        return "loginStatus";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.none();
    }

    @Override
    public String help() {
        return "\n\tThis command doesn't expect any arguments and allowed only on initialized HSM\n\nDescription:"
                + "\n\tloginStatus informs if CU or CO is logged into the initialized HSM through current application.\n";
    }

    @Override
    public ExitStatus execute(ParsedOptions options, KmuContext context) {
        String who = context.session().map(s -> s.user().type().isOfficer() ? "CO" : s.user().type().name())
                .map(t -> t + " has logged-in").orElse("No user has logged-in");
        context.printer().line(who);
        return ExitStatus.SUCCESS;
    }
}
