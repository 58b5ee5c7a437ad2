package io.hsmconsole.app;

import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.cmu.CmuShell;

/**
 * {@code cloudhsm_mgmt_util [--data-dir DIR] [--cluster NAME] [--store STORE]}. Exit status: 0 when the last
 * command succeeded, 1 HSM or tool error, 2 usage error.
 */
public final class CmuMain {
    private CmuMain() {
    }

    public static void main(String[] args) {
        Logging.forTools();
        ShellLauncher launcher = new ShellLauncher(StoreBackends.chosen(args), "cloudhsm_mgmt_util", CmuShell::completions,
                CmuShell::tool);
        System.exit(launcher.run(args, System.getenv(), System.err));
    }
}
