package io.hsmconsole.service;

import io.hsmconsole.shell.StartupOptions;
import io.hsmconsole.store.DataDirectory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The launcher's environment variables that decide which cluster of which data folder a command
 * uses, sent with every tool request in this order, one field each, an unset one as empty
 * (bin/service-client.sh: {@code "${HSM_CONSOLE_CLUSTER-}" "${HSM_CONSOLE_DATA-}" "${XDG_DATA_HOME-}"}).
 * The service applies {@link DataDirectory#chosen} to them, so the data folder a request uses is the
 * one a JVM started by that launcher would use, whatever the script guessed.
 */
final class LauncherEnvironment {
    static final List<String> VARIABLES = List.of(StartupOptions.CLUSTER_VARIABLE, DataDirectory.ENV_VARIABLE,
            DataDirectory.XDG_DATA_HOME);

    private LauncherEnvironment() {
    }

    static Map<String, String> read(RequestFields request) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String name : VARIABLES) {
            String value = request.next();
            if (!value.isEmpty()) {
                env.put(name, value);
            }
        }
        return env;
    }

    static List<String> fields(Map<String, String> env) {
        List<String> fields = new ArrayList<>();
        for (String name : VARIABLES) {
            fields.add(env.getOrDefault(name, ""));
        }
        return fields;
    }
}
