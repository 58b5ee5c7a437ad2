package io.hsmconsole.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the command-line tools of both sides the same way: a process per call, started from this
 * JVM, its output discarded while it is timed. A call that fails stops the run with the tool's own
 * words (a benchmark that timed failures would be a lie).
 */
final class Commands {
    private Commands() {
    }

    /** Runs a command to its end and returns what it printed; a non-zero exit status stops the run. */
    static String output(List<String> command, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("bench-out-", ".txt");
            Path err = Files.createTempFile("bench-err-", ".txt");
            try {
                int status = start(command, env, ProcessBuilder.Redirect.to(out.toFile()),
                        ProcessBuilder.Redirect.to(err.toFile())).waitFor();
                if (status != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " ended with exit status " + status
                            + ":\n" + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Wall time in milliseconds of each of {@code calls} calls (process start to exit), after one
     * untimed warm-up call that fills the page cache (and lets our launcher record its CDS archive);
     * {@code check} is given what the warm-up call printed and throws if it is not the expected result.
     */
    static List<Double> timeCalls(List<String> command, Map<String, String> env, int calls, Consumer<String> check) {
        check.accept(output(command, env));
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                long start = System.nanoTime();
                int status = start(command, env, ProcessBuilder.Redirect.DISCARD, ProcessBuilder.Redirect.DISCARD).waitFor();
                millis.add((System.nanoTime() - start) / 1e6);
                if (status != 0) {
                    output(command, env); // fails again and reports why, or proves the failure was passing
                    throw new IllegalStateException(String.join(" ", command) + " failed once with exit status " + status);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return millis;
    }

    private static Process start(List<String> command, Map<String, String> env, ProcessBuilder.Redirect out,
                                 ProcessBuilder.Redirect err) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out).redirectError(err);
        // Our tools read these; only what a measurement passes on explicitly may steer them.
        pb.environment().keySet().removeIf(name -> name.startsWith("HSM_CONSOLE_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The numbers a tool printed, one per line (the first word of each line). */
    static List<Double> numbers(String printed) {
        List<Double> values = new ArrayList<>();
        for (String line : printed.split("\n")) {
            if (!line.isBlank()) {
                values.add(Double.parseDouble(line.trim().split("\\s+")[0]));
            }
        }
        return values;
    }
}
