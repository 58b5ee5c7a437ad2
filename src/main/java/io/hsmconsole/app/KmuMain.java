package io.hsmconsole.app;

import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.kmu.KmuShell;

/**
 * {@code key_mgmt_util [--data-dir DIR] [--cluster NAME] [--store STORE] [singlecmd … | scriptfile FILE]}. Exit
 * status: 0 success, 1 HSM or tool error, 2 usage error.
 */
public final class KmuMain {
    private KmuMain() {
    }

    public static void main(String[] args) {
        Logging.forTools();
        ShellLauncher launcher = new ShellLauncher(StoreBackends.chosen(args), "key_mgmt_util", KmuShell::completions,
                KmuShell::tool);
        System.exit(launcher.run(args, System.getenv(), System.err));
    }
}
