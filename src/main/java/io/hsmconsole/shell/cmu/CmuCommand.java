package io.hsmconsole.shell.cmu;

import io.hsmconsole.shell.ExitStatus;

import java.util.List;

/**
 * One cloudhsm_mgmt_util command: positional arguments, between {@code minArgs} and
 * {@code maxArgs} of them; outside that range the command prints its help (a usage error).
 */
record CmuCommand(String name, String syntax, String description, int minArgs, int maxArgs, Action action) {
    interface Action {
        ExitStatus run(List<String> args, CmuContext context);
    }

    String help() {
        return "\nDescription\n===========\n" + description + "\n\nSyntax: " + syntax + "\n";
    }
}
