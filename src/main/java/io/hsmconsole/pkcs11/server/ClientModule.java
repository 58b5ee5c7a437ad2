package io.hsmconsole.pkcs11.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where this machine keeps p11-kit's client module, the library an application loads to reach us.
 * Asked of the package manager first ({@code dpkg -L p11-kit-modules}); otherwise the usual places:
 * Debian's multiarch folders, then Fedora's and others' library folders.
 */
public final class ClientModule {
    private static final String NAME = "p11-kit-client.so";
    /** The documented search list, in order (docs/pkcs11.md). */
    static final List<String> SEARCH = List.of(
            "/usr/lib/x86_64-linux-gnu/pkcs11", "/usr/lib/aarch64-linux-gnu/pkcs11", "/usr/lib/i386-linux-gnu/pkcs11",
            "/usr/lib64/pkcs11", "/usr/lib/pkcs11", "/usr/local/lib/pkcs11");

    private ClientModule() {
    }

    public static Optional<Path> find() {
        return fromDpkg().or(() -> SEARCH.stream().map(d -> Path.of(d, NAME)).filter(Files::isRegularFile).findFirst());
    }

    private static Optional<Path> fromDpkg() {
        try {
            Process p = new ProcessBuilder("dpkg", "-L", "p11-kit-modules").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return listing.lines().filter(l -> l.endsWith("/" + NAME)).map(Path::of).filter(Files::isRegularFile)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty(); // no dpkg here: the search list decides
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
