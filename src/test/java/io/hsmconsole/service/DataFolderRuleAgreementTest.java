package io.hsmconsole.service;

import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import io.hsmconsole.store.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/service-client.sh guesses, in bash, which data folder's service to ask; {@link DataDirectory#chosen}
 * is the rule a JVM of the same launcher applies. The service applies the Java rule to every request
 * (a wrong guess costs only the fast path: {@code ClientServiceTest}), and this test keeps the copy from
 * drifting: for random launcher options and environments (unset, empty, blank, relative, absolute values
 * of {@code --data-dir}, {@code HSM_CONSOLE_DATA} and {@code XDG_DATA_HOME}) both name the same folder.
 */
class DataFolderRuleAgreementTest {
    private static final Path SCRIPT = Path.of("bin", "service-client.sh").toAbsolutePath();
    private static final Gen<String> VALUE = Gen.ofNullable(null, "", " ", "\t", "  ", "rel/dir", "./a/../b",
            "/abs/dir", "/abs/with space", "~/not-expanded", "-dash");

    @TempDir
    Path cwd;

    @Test
    void theScriptAndDataDirectoryNameTheSameFolder() throws Exception {
        String home = System.getProperty("user.home");
        Trials.run(150, random -> {
            String override = VALUE.next(random);
            Map<String, String> env = new HashMap<>();
            putIfSet(env, DataDirectory.ENV_VARIABLE, VALUE.next(random));
            putIfSet(env, DataDirectory.XDG_DATA_HOME, VALUE.next(random));
            List<String> args = new ArrayList<>();
            if (random.nextBoolean()) {
                args.addAll(List.of("--cluster", "c1"));
            }
            if (override != null) {
                if (random.nextBoolean()) {
                    args.add("--data-dir=" + override);
                } else {
                    args.addAll(List.of("--data-dir", override));
                }
            }
            if (random.nextBoolean()) {
                args.add("--cluster=c2");
            }
            args.addAll(List.of("singlecmd", "listUsers"));

            Path java = cwd.resolve(DataDirectory.chosen(override, env, "Linux", home)).normalize();
            assertThat(cwd.resolve(scriptsFolder(args, env, home)).normalize())
                    .as("args %s, environment %s", args, env).isEqualTo(java);
        });
    }

    private static void putIfSet(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }

    private String scriptsFolder(List<String> args, Map<String, String> env, String home)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "data-folder"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> !name.equals("PATH"));
        builder.environment().put("HOME", home);
        builder.environment().putAll(env);
        Process bash = builder.start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as("bash's answer: %s", out).isZero();
        assertThat(out).endsWith("\n");
        return out.substring(0, out.length() - 1);
    }
}
