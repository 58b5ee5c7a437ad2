package io.hsmconsole.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bin/ launchers as a user runs them, from a folder that is not the project, on one data folder. */
final class Launchers {
    static final Path BIN = Path.of("bin").toAbsolutePath();
    static final List<String> LOGIN = List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user",
            "-p", "example_pwd");

    private final Path workDir;
    private final Path data;

    Launchers(Path workDir, Path data) {
        this.workDir = workDir;
        this.data = data;
    }

    static List<String> login(String... command) {
        List<String> args = new ArrayList<>(LOGIN);
        args.addAll(List.of(command));
        return args;
    }

    /** One run; {@code service=false} forces the JVM path. */
    Result run(String tool, List<String> args, boolean service) throws IOException, InterruptedException {
        return start(tool, args, service).result();
    }

    /** A run with {@code extraEnvironment} added (cloudhsm-cli's CLOUDHSM_ROLE and CLOUDHSM_PIN). */
    Result run(String tool, List<String> args, boolean service, java.util.Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        return start(tool, args, service, extraEnvironment).result();
    }

    /** A run left going, for a test that acts while it runs. */
    Running start(String tool, List<String> args, boolean service) throws IOException {
        return start(tool, args, service, java.util.Map.of());
    }

    private Running start(String tool, List<String> args, boolean service, java.util.Map<String, String> extraEnvironment)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(BIN.resolve(tool).toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("HSM_CONSOLE_DATA", data.toString());
        pb.environment().remove("HSM_CONSOLE_CLUSTER");
        pb.environment().remove("CLOUDHSM_ROLE");
        pb.environment().remove("CLOUDHSM_PIN");
        pb.environment().putAll(extraEnvironment);
        if (!service) {
            pb.environment().put("HSM_CONSOLE_SERVICE", "off");
        }
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new Running(pb.start(), out, err);
    }

    /**
     * A shell script run by {@code sh} from the project folder (as the README's commands are written),
     * on this data folder, with {@code extraEnvironment} added.
     */
    Result sh(String script, java.util.Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        return startSh(script, extraEnvironment).result();
    }

    /** {@link #sh(String, java.util.Map)} left going. */
    Running startSh(String script, java.util.Map<String, String> extraEnvironment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(BIN.getParent().toFile());
        pb.environment().put("HSM_CONSOLE_DATA", data.toString());
        pb.environment().remove("HSM_CONSOLE_CLUSTER");
        pb.environment().remove("P11_KIT_SERVER_ADDRESS");
        pb.environment().remove("HSM_CONSOLE_PKCS11_MODULE");
        pb.environment().putAll(extraEnvironment);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new Running(pb.start(), out, err);
    }

    Result sh(String script) throws IOException, InterruptedException {
        return sh(script, java.util.Map.of());
    }

    record Running(Process process, Path out, Path err) {
        Result result() throws IOException, InterruptedException {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("process ended").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    record Result(int status, String stdout, String stderr) {
    }
}
