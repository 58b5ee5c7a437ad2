package io.hsmconsole.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/launcher-root.sh finds the launchers' project folder without a subshell: for every way a launcher's
 * folder can be named (relative, absolute, with "." and "..", through a linked folder, from a working
 * folder reached through a link) it gives the folder {@code cd -P "$dir/.." && pwd -P} gives, in bash and
 * in POSIX sh (the launchers run under both).
 */
class LauncherRootTest {
    @TempDir
    Path temp;

    @Test
    void everyWayOfNamingTheFolderGivesThePhysicalProjectFolder() throws Exception {
        Path real = temp.toRealPath();
        Path bin = Files.createDirectories(real.resolve("real/proj/bin"));
        Files.createDirectories(real.resolve("real/other"));
        Files.copy(Path.of("bin/launcher-root.sh"), bin.resolve("launcher-root.sh"));
        Files.createSymbolicLink(real.resolve("link"), real.resolve("real/proj"));
        Files.createSymbolicLink(real.resolve("real/other/up"), real.resolve("real"));
        List<String[]> cases = List.of(
                new String[] {".", "real/proj/bin"}, new String[] {".", real + "/real/proj/bin"},
                new String[] {".", "link/bin"}, new String[] {".", "real/other/../proj/bin"},
                new String[] {".", "./real/proj/./bin"}, new String[] {".", real + "/link/bin"},
                new String[] {".", "real/other/up/proj/bin"}, new String[] {"real/proj/bin", "."},
                new String[] {"link/bin", "."}, new String[] {"link", "bin"}, new String[] {"real/other", "../proj/bin"});
        for (String shell : List.of("bash", "sh")) {
            for (String[] c : cases) {
                // the working folder as a shell reached it (cd, not cd -P: $PWD may name a link)
                String script = "cd \"$1\" || exit 9; dir=$2; . \"$dir/launcher-root.sh\"; printf '%s\\n' \"$ROOT\";"
                        + " (cd \"$dir/..\" && pwd -P)";
                List<String> lines = run(List.of(shell, "-c", script, "x", real + "/" + c[0], c[1]));
                assertThat(lines).as("%s, in %s: dir=%s", shell, c[0], c[1]).hasSize(2);
                assertThat(lines.get(0)).as("%s, in %s: dir=%s", shell, c[0], c[1]).isEqualTo(lines.get(1));
            }
        }
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }
}
