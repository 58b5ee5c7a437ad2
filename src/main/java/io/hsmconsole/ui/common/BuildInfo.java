package io.hsmconsole.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this build that Maven writes into {@code build.properties} (resource filtering): the version. */
public final class BuildInfo {
    private BuildInfo() {
    }

    /** The project version (e.g. {@code 0.1.0-SNAPSHOT}); "unknown" when the classes were not built by Maven. */
    public static String version() {
        Properties facts = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                facts.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String version = facts.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }
}
