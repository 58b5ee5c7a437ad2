package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.shell.Console;
import io.hsmconsole.shell.cli.CliSecrets;
import io.hsmconsole.shell.cli.CliShell;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.DataDirectory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The command line the console's pane runs: Client SDK 3's key_mgmt_util or Client SDK 5's CloudHSM
 * CLI, each the real shell in its interactive mode with a session of its own.
 */
public enum ConsoleLanguage {
    KEY_MGMT_UTIL("key_mgmt_util") {
        @Override
        Shell start(HsmCluster cluster, Console console, Path workDir, DataDirectory data) {
            KmuShell shell = new KmuShell(cluster, console, workDir, cluster.clock());
            return new Shell(() -> shell.run(List.of()), shell::loggedInUser);
        }

        @Override
        public String withSecretsHidden(String line) {
            return KmuShell.withSecretsHidden(line);
        }
    },
    CLOUDHSM_CLI("cloudhsm-cli") {
        @Override
        Shell start(HsmCluster cluster, Console console, Path workDir, DataDirectory data) {
            CliShell shell = CliShell.embedded(cluster, console, workDir, data);
            return new Shell(shell::runInteractive, shell::loggedInUser);
        }

        @Override
        public String withSecretsHidden(String line) {
            return CliSecrets.withSecretsHidden(line);
        }
    };

    private final String tool;

    ConsoleLanguage(String tool) {
        this.tool = tool;
    }

    /** The tool's name, as its users type it. */
    public String tool() {
        return tool;
    }

    /** A line as the pane may echo and keep it: any password replaced by {@code <password>}. */
    public abstract String withSecretsHidden(String line);

    abstract Shell start(HsmCluster cluster, Console console, Path workDir, DataDirectory data);

    /** A shell ready to run in interactive mode, and who its own session belongs to meanwhile. */
    record Shell(Runnable run, Supplier<Optional<UserInfo>> loggedInUser) {
    }
}
