package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KmuPrinter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code loginHSM -u CU -s <name> -p <password>} (or {@code -hpswd} to be asked). The tool accepts
 * every user type on its command line; the HSM answers anything but a crypto user with 0xdb.
 */
final class LoginHsmCommand implements KmuCommand {
    private static final Map<String, UserType> TYPES = Map.of("CU", UserType.CU, "CO", UserType.CO,
            "AU", UserType.AU, "PO", UserType.PRECO, "PRECO", UserType.PRECO);

    private static final String HELP = HelpText.of("Login to the HSM providing the user type and password.",
            "loginHSM -h -u <user type> { -p | -hpswd } <password> -s <username>\n",
            """
            -h     displays this information
                   -u     specifies the user type as "CU"
                   -s     specifies the user name
                   -p     specifies the user password
                   -hpswd asks for the password without showing it""");

    private static final OptionSpec OPTIONS = OptionSpec.of(List.of("-u", "-s", "-p"), List.of("-hpswd"));

    @Override
    public String name() {
        return "loginHSM";
    }

    @Override
    public OptionSpec options() {
        return OPTIONS;
    }

    @Override
    public Set<String> secretOptions() {
        return Set.of("-p");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public ExitStatus execute(ParsedOptions o, KmuContext context) {
        KmuPrinter p = context.printer();
        String type = o.text("-u");
        if (type == null) {
            return usage(p, "Error: User type (-u) is missing.");
        }
        if (!TYPES.containsKey(type)) {
            return usage(p, "Error: Invalid user type specified.");
        }
        if (o.text("-s") == null) {
            return usage(p, "Error: Username (-s) is missing.");
        }
        if (o.text("-p") == null && !o.flag("-hpswd")) {
            return usage(p, "Error: Password (-p) is missing.");
        }
        if (context.session().isPresent()) {
            p.error("Error: A user is already logged in; run logoutHSM first.");
            return ExitStatus.ERROR;
        }
        char[] password = o.flag("-hpswd") ? context.console().readSecret("Enter password:") : o.text("-p").toCharArray();
        if (password == null) {
            p.error("Error: Password (-p) is missing.");
            return ExitStatus.USAGE;
        }
        try {
            HsmResult<HsmSession> result = context.cluster().login(LoginChannel.KEY_MGMT_UTIL, TYPES.get(type),
                    o.text("-s"), password);
            p.resultAndBlock("Cfm3LoginHSM", result);
            result.valueIfSuccess().ifPresent(context::loggedIn);
            return ExitStatus.of(result.isSuccess());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private ExitStatus usage(KmuPrinter p, String message) {
        p.error(message);
        p.out().print(HELP);
        return ExitStatus.USAGE;
    }
}
