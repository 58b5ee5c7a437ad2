package io.hsmconsole.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the clusters live: {@code --data-dir} first, then {@code HSM_CONSOLE_DATA}, then the
 * platform's user data directory (product spec §2.8). Nothing is ever written into the install folder.
 */
public final class DataDirectory {
    public static final String ENV_VARIABLE = "HSM_CONSOLE_DATA";
    /** Linux's base of user data folders (the XDG base directory specification). */
    public static final String XDG_DATA_HOME = "XDG_DATA_HOME";

    private final Path root;

    public DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Resolves the data directory from an explicit override (may be null), the environment and the OS. */
    public static DataDirectory resolve(String override, Map<String, String> env, String osName, String userHome) {
        return new DataDirectory(chosen(override, env, osName, userHome));
    }

    /**
     * The rule itself, before a relative path is made absolute: the override unless blank, then
     * {@code HSM_CONSOLE_DATA} unless blank, then the platform's folder. The client service applies
     * it to a launcher's values from the launcher's working folder ({@code service.ToolRequest}), so
     * bin/service-client.sh's copy of this rule can only pick which service to ask, never which
     * folder a command uses (its agreement with this method is tested: {@code DataFolderRuleAgreementTest}).
     */
    public static Path chosen(String override, Map<String, String> env, String osName, String userHome) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return platformDefault(env, osName, userHome);
    }

    public static DataDirectory fromSystem(String override) {
        return resolve(override, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path platformDefault(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("HSM Key Console");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "HSM Key Console");
        }
        String xdg = env.get(XDG_DATA_HOME);
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("hsm-key-console");
    }

    public Path root() {
        return root;
    }

    public Path clustersRoot() {
        return root.resolve("clusters");
    }

    public Path clusterDir(String clusterName) {
        return clustersRoot().resolve(clusterName);
    }

    /**
     * Creates the folders owner-only; fails with a message naming the folder when it cannot, or when
     * another user owns it ({@link OwnedPaths}: checked before anything is created or tightened, and again after).
     */
    public Path ensureClustersRoot() {
        Path dir = clustersRoot();
        requireOwned();
        try {
            OwnerOnly.createDirectories(dir);
        } catch (IOException e) {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !Files.isWritable(existing)) {
                throw new StoreException(existing, "the data folder is read-only (not writable by this user), so "
                        + dir + " cannot be created; choose another with --data-dir or " + ENV_VARIABLE);
            }
            throw new StoreException(dir, "cannot create the data folder", e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException(dir, "the data folder is not writable; choose another with --data-dir or "
                    + ENV_VARIABLE);
        }
        requireOwned();
        return dir;
    }

    /**
     * Refuses a data folder another local user controls: the folder itself ({@link OwnedPaths#requireSafeRoot})
     * and its {@code clusters} folder, where they exist.
     */
    public void requireOwned() {
        OwnedPaths.requireSafeRoot(root);
        OwnedPaths.requireOwnFolder(clustersRoot());
    }
}
