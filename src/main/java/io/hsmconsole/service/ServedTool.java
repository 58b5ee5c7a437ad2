package io.hsmconsole.service;

import io.hsmconsole.shell.ShellLauncher;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * A command line the daemon runs for its launcher (bin/service-client.sh): which of the launcher's
 * environment variables the tool itself reads (sent with the request, after the output environment,
 * one field each: cloudhsm-cli's {@code CLOUDHSM_ROLE} and {@code CLOUDHSM_PIN}), which argument lists
 * are one command it may run (key_mgmt_util's {@code singlecmd …}, cloudhsm-cli's {@code <command> …}),
 * and the launcher for a request, given those variables and where the tool's usage text goes.
 */
public interface ServedTool {
    List<String> variables();

    /** {@code rest}: the arguments after the launcher options. */
    boolean singleCommand(List<String> rest);

    ShellLauncher launcher(Map<String, String> variables, PrintWriter usage);

    /** key_mgmt_util's way: no variables of its own, {@code singlecmd …}, one launcher for every request. */
    static ServedTool singlecmd(ShellLauncher launcher) {
        return new ServedTool() {
            @Override
            public List<String> variables() {
                return List.of();
            }

            @Override
            public boolean singleCommand(List<String> rest) {
                return rest.size() > 1 && rest.get(0).equals("singlecmd");
            }

            @Override
            public ShellLauncher launcher(Map<String, String> variables, PrintWriter usage) {
                return launcher;
            }
        };
    }
}
