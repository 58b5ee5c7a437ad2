package io.hsmconsole.shell;

import java.util.List;
import java.util.Map;

/**
 * Options the launchers read before the mode: {@code --data-dir DIR} (else {@code HSM_CONSOLE_DATA},
 * else the platform default), {@code --cluster NAME} (else {@code HSM_CONSOLE_CLUSTER}, else the
 * demo cluster, created on first use) and {@code --store STORE} (else {@code HSM_CONSOLE_STORE}, else
 * the local SQLite store; {@code app} reads it). Everything after them is the tool's own arguments.
 */
public record StartupOptions(String dataDir, String cluster, String store, List<String> rest) {
    public static final String CLUSTER_VARIABLE = "HSM_CONSOLE_CLUSTER";
    public static final String STORE_OPTION = "--store";

    public StartupOptions(String dataDir, String cluster, List<String> rest) {
        this(dataDir, cluster, null, rest);
    }

    /** Thrown for a launcher option without its value. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static StartupOptions parse(List<String> args, Map<String, String> env) throws UsageException {
        String dataDir = null;
        String cluster = null;
        String store = null;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("--")) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
                i++;
            } else if (i + 1 < args.size()) {
                value = args.get(i + 1);
                i += 2;
            } else {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--data-dir" -> dataDir = value;
                case "--cluster" -> cluster = value;
                case STORE_OPTION -> store = value;
                default -> throw new UsageException("unknown option " + name + "; use --data-dir DIR, --cluster NAME"
                        + " or --store STORE before the mode");
            }
        }
        if (cluster == null) {
            String fromEnv = env.get(CLUSTER_VARIABLE);
            cluster = fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
        }
        return new StartupOptions(dataDir, cluster, store, List.copyOf(args.subList(i, args.size())));
    }
}
