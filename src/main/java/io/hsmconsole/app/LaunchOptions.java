package io.hsmconsole.app;

import java.util.List;

/**
 * The console's command line: {@code --data-dir DIR} (or {@code --data-dir=DIR}) chooses where the
 * clusters live; without it {@code HSM_CONSOLE_DATA} or the platform's data folder is used.
 * {@code --store STORE} chooses the store (a team's {@code postgresql://…}); without it
 * {@code HSM_CONSOLE_STORE} or the local SQLite store.
 */
record LaunchOptions(String dataDir, String store) {
    static final String USAGE = "usage: hsm-key-console [--data-dir DIR] [--store STORE]";

    static LaunchOptions parse(List<String> args) {
        String dataDir = null;
        String store = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!name.equals("--data-dir") && !name.equals("--store")) {
                throw new IllegalArgumentException("unknown option '" + arg + "'; " + USAGE);
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                    : i + 1 < args.size() ? args.get(++i) : "";
            if (name.equals("--data-dir")) {
                dataDir = requireValue(name, value, "a folder, e.g. --data-dir ~/hsm-data");
            } else {
                store = requireValue(name, value, "sqlite or postgresql://USER:PASSWORD@HOST:PORT/DB");
            }
        }
        return new LaunchOptions(dataDir, store);
    }

    private static String requireValue(String option, String value, String example) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " needs " + example + "; " + USAGE);
        }
        return value;
    }
}
