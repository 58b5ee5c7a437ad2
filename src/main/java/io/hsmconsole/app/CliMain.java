package io.hsmconsole.app;

import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.service.ServedTool;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.cli.CliShell;
import io.hsmconsole.store.StoreBackend;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

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
        System.exit(launcher(StoreBackends.chosen(args), System.getenv(), err).run(args, System.getenv(), System.err));
    }

    /**
     * The tool on {@code stores} with the credentials of {@code env} ({@code CLOUDHSM_ROLE},
     * {@code CLOUDHSM_PIN}); usage errors to {@code err}.
     */
    static ShellLauncher launcher(StoreBackend stores, Map<String, String> env, PrintWriter err) {
        return launcher(stores, env, err, AvailabilityCheck.ON);
    }

    /** As above in a daemon whose key availability setting is {@code daemon} ({@link CliShell#tool(Map, PrintWriter, AvailabilityCheck)}). */
    static ShellLauncher launcher(StoreBackend stores, Map<String, String> env, PrintWriter err, AvailabilityCheck daemon) {
        return new ShellLauncher(stores, "cloudhsm-cli", CliShell::completions, CliShell.tool(env, err, daemon),
                rest -> rest.equals(List.of("interactive")));
    }

    /**
     * What the client daemon serves for bin/cloudhsm-cli: one command ({@code cloudhsm-cli <command> …},
     * not {@code interactive}), logged in with the caller's {@code CLOUDHSM_ROLE} and {@code CLOUDHSM_PIN}, under the
     * daemon's key availability setting ({@code cloudhsm_client start --disable-key-availability-check}).
     */
    static ServedTool served(AvailabilityCheck daemon) {
        return new ServedTool() {
            @Override
            public List<String> variables() {
                return List.of(CliShell.ROLE_VARIABLE, CliShell.PIN_VARIABLE);
            }

            @Override
            public boolean singleCommand(List<String> rest) {
                return !rest.isEmpty() && !rest.get(0).equals("interactive");
            }

            @Override
            public ShellLauncher launcher(Map<String, String> variables, PrintWriter usage) {
                // The daemon's store: its --store (passed to it as HSM_CONSOLE_STORE) or its environment's.
                return CliMain.launcher(StoreBackends.chosen(new String[0]), variables, usage, daemon);
            }
        };
    }
}
