package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KmuPrinter;

import java.util.List;

/** {@code listUsers}: every user of the cluster, in KMU's table (AWS doc column layout). */
final class ListUsersCommand implements KmuCommand {
    private static final String HEADER =
            "\tIndex       User ID     User Type       User Name           MofnPubKey    LoginFailureCnt         2FA";

    @Override
    public String name() {
        return "listUsers";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.none();
    }

    @Override
    public String help() {
        return HelpText.noArguments("listUsers lists all users of the current partition");
    }

    @Override
    public ExitStatus execute(ParsedOptions options, KmuContext context) {
        List<UserInfo> users = context.cluster().users();
        KmuPrinter p = context.printer();
        p.out().printf("%n\tNumber Of Users found %d%n%n", users.size());
        p.out().println(HEADER);
        int index = 1;
        for (UserInfo u : users) {
            p.out().println(String.format("\t%-9d%9d      %-16s%-26s%-17s%-16d%s", index++, u.id(), u.type().name(),
                    u.name(), yesNo(u.quorumKeyRegistered()), u.loginFailures(), yesNo(u.twoFactor())).stripTrailing());
        }
        p.result("Cfm3ListUsers", ReturnCode.SUCCESS);
        return ExitStatus.SUCCESS;
    }

    static String yesNo(boolean value) {
        return value ? "YES" : "NO";
    }
}
