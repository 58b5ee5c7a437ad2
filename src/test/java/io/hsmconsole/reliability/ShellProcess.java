package io.hsmconsole.reliability;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real key_mgmt_util (or cloudhsm_mgmt_util) process fed through a pipe, as a script feeds it:
 * the project's launcher from {@code bin/}, run after {@code package} (failsafe). Its output is
 * collected as it comes; {@link #send} types one line and returns what the tool printed up to its
 * next prompt.
 */
public final class ShellProcess implements AutoCloseable {
    public static final String KMU_PROMPT = "\nCommand: ";
    private static final Path BIN = Path.of("bin").toAbsolutePath();

    private final Process process;
    private final Writer input;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;
    private int mark;
    private boolean ended;

    private ShellProcess(Process process) {
        this.process = process;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::readAll, "output of pid " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code bin/<tool> args…} on the data folder {@code data}, working in {@code workDir}; stderr joins stdout. */
    public static ShellProcess start(String tool, Path data, Path workDir, List<String> args) {
        return start(tool, data, workDir, args, java.util.Map.of());
    }

    /** The same, with these environment variables added (team mode: {@code HSM_CONSOLE_STORE}). */
    public static ShellProcess start(String tool, Path data, Path workDir, List<String> args,
                                     java.util.Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(BIN.resolve(tool).toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("HSM_CONSOLE_DATA", data.toString());
        pb.environment().remove("HSM_CONSOLE_CLUSTER");
        pb.environment().remove("HSM_CONSOLE_STORE");
        pb.environment().putAll(environment);
        try {
            return new ShellProcess(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * A JVM running {@code mainClass} of the test class path (the console's controllers run this
     * way), with JavaFX's headless Monocle platform so its toolkit starts without a display.
     */
    public static ShellProcess startJava(Class<?> mainClass, Path workDir, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dtestfx.robot=glass", "-Dtestfx.headless=true", "-XX:+UseSerialGC", "-Xmx256m", mainClass.getName()));
        command.addAll(args);
        try {
            return new ShellProcess(new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass.getName(), e);
        }
    }

    public Process process() {
        return process;
    }

    private void readAll() {
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (this) {
                    output.append(buffer, 0, n);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The process died (killed on purpose, in the crash tests): what was read is what it said.
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** Types one line (no wait). False when the process no longer reads (it ended, or was killed). */
    public boolean type(String line) {
        try {
            input.write(line + "\n");
            input.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Types a line and returns the output up to the next {@code prompt}. */
    public String send(String line, String prompt, Duration timeout) {
        if (!type(line)) {
            throw new IllegalStateException("the tool stopped reading before `" + line + "`:\n" + everything());
        }
        return awaitPrompt(prompt, timeout);
    }

    /** The output since the last prompt, up to the next one. */
    public synchronized String awaitPrompt(String prompt, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int at = output.indexOf(prompt, mark);
            if (at >= 0) {
                String text = output.substring(mark, at);
                mark = at + prompt.length();
                return text;
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new IllegalStateException((ended ? "the tool ended" : "no prompt within " + timeout)
                        + "; its output:\n" + output.substring(Math.max(0, output.length() - 4000)));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** Waits until the output contains {@code text} (from the start); false on timeout or end. */
    public synchronized boolean awaitText(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (output.indexOf(text) < 0) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return output.indexOf(text) >= 0;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    public synchronized String everything() {
        return output.toString();
    }

    /** SIGKILL (on Linux, {@link Process#destroyForcibly()} is {@code kill -9}), then waits for the output to end. */
    public String killAndCollect() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return everything();
    }

    /** Closes the input (the tool reads end of input and exits) and waits for its exit status. */
    public int finish(Duration timeout) throws InterruptedException {
        try {
            input.close();
        } catch (IOException e) {
            // Already gone: the exit status tells.
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the tool did not end within " + timeout + ":\n" + everything());
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
