package io.hsmconsole.app;

import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.shell.cli.CliConfiguration;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code configure-cli [--data-dir DIR] --disable-key-availability-check | --enable-key-availability-check}:
 * Client SDK 5's configure tool for the CloudHSM CLI (configure-sdk-5.md), for the one setting a simulator
 * has: the key availability check (manage-key-sync.md, "Managing client key durability settings"). It
 * writes the data folder's {@link CliConfiguration}, which every later {@code cloudhsm-cli} run of that
 * folder reads, in a JVM of its own or through the client daemon. Silent on success, as the SDK's tool.
 * The options that configure a real client's connection ({@code -a}, {@code --cluster-id}, certificates,
 * logging) are refused by name: there is nothing they could change here. {@code --store}, which every
 * launcher takes, is checked and changes nothing: the setting is the data folder's, each machine's own,
 * as SDK 5's configuration is each client instance's, whichever store holds the cluster.
 */
public final class ConfigureCliMain {
    static final String USAGE = "Usage: configure-cli [--data-dir DIR] [--store STORE] --disable-key-availability-check"
            + " | --enable-key-availability-check";
    private static final String DISABLE = "--disable-key-availability-check";
    private static final String ENABLE = "--enable-key-availability-check";

    private ConfigureCliMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        String dataDir = null;
        String store = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].equals("--data-dir") && i + 1 < argv.length) {
                dataDir = argv[++i];
            } else if (argv[i].startsWith("--data-dir=")) {
                dataDir = argv[i].substring("--data-dir=".length());
            } else if (argv[i].equals("--store") && i + 1 < argv.length) {
                store = argv[++i];
            } else if (argv[i].startsWith("--store=")) {
                store = argv[i].substring("--store=".length());
            } else {
                rest.add(argv[i]);
            }
        }
        if (rest.equals(List.of("-h")) || rest.equals(List.of("--help"))) {
            out.println(USAGE);
            out.println("  " + DISABLE + "  use keys that exist on one HSM (a create returns once its HSM holds the key)");
            out.println("  " + ENABLE + "   keys must exist on two HSMs before use (the default)");
            return 0;
        }
        boolean disable = rest.contains(DISABLE);
        boolean enable = rest.contains(ENABLE);
        for (String option : rest) {
            if (!option.equals(DISABLE) && !option.equals(ENABLE)) {
                return usage(err, "'" + option + "' is not simulated: the simulator's CloudHSM CLI has no HSM"
                        + " addresses, certificates or log files to configure");
            }
        }
        if (store != null) {
            try {
                StoreBackends.fromSetting(store); // checked as every launcher checks it; nothing is opened
            } catch (IllegalArgumentException e) {
                return usage(err, "--store: " + e.getMessage());
            }
        }
        if (disable == enable) {
            return usage(err, disable ? "give one of " + DISABLE + " and " + ENABLE + ", not both"
                    : "nothing to configure");
        }
        DataDirectory data = DataDirectory.resolve(dataDir, env, System.getProperty("os.name", ""), System.getProperty("user.home"));
        try {
            new CliConfiguration(disable ? AvailabilityCheck.OFF : AvailabilityCheck.ON).write(data);
            return 0;
        } catch (IOException | StoreException e) {
            err.println("configure-cli: error: cannot write " + CliConfiguration.file(data) + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String why) {
        err.println("configure-cli: " + why);
        err.println(USAGE);
        return 2;
    }
}
