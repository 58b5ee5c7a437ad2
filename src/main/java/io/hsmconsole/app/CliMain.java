package io.hsmconsole.app;

import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.cli.CliShell;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * {@code cloudhsm-cli [--data-dir DIR] [--cluster NAME] [--store STORE] interactive | <command> …}: the CloudHSM CLI
 * of Client SDK 5 over the simulator. Exit status: 0 success, 1 refused, 2 usage error.
 */
public final class CliMain {
    private CliMain() {
    }

    public static void main(String[] args) {
        Logging.forTools();
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        ShellLauncher launcher = new ShellLauncher(StoreBackends.chosen(args), "cloudhsm-cli", CliShell::completions,
                CliShell.tool(System.getenv(), err), rest -> rest.equals(java.util.List.of("interactive")));
        System.exit(launcher.run(args, System.getenv(), System.err));
    }
}
