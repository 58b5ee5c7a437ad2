package io.hsmconsole.app;

import java.util.List;

/**
 * The console's command line: {@code --data-dir DIR} (or {@code --data-dir=DIR}) chooses where the
 * clusters live; without it {@code HSM_CONSOLE_DATA} or the platform's data folder is used.
 */
record LaunchOptions(String dataDir) {
    static final String USAGE = "usage: hsm-key-console [--data-dir DIR]";

    static LaunchOptions parse(List<String> args) {
        String dataDir = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--data-dir=")) {
                dataDir = requireValue("--data-dir", arg.substring("--data-dir=".length()));
            } else if (arg.equals("--data-dir")) {
                dataDir = requireValue("--data-dir", i + 1 < args.size() ? args.get(++i) : "");
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'; " + USAGE);
            }
        }
        return new LaunchOptions(dataDir);
    }

    private static String requireValue(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a folder, e.g. " + option + " ~/hsm-data; " + USAGE);
        }
        return value;
    }
}
