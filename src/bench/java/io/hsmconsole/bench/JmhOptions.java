package io.hsmconsole.bench;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How every runner here starts JMH: one forked JVM per benchmark, the iterations of the settings,
 * the benchmark disk and the populated clusters passed to the fork as system properties, a refusal
 * failing the run, and a JFR profile per fork with {@code --jfr}.
 */
final class JmhOptions {
    private JmhOptions() {
    }

    static ChainedOptionsBuilder base(BenchSettings settings, Path root, Map<Integer, Path> populated, Path jfrDir) {
        List<String> jvmArgs = new ArrayList<>();
        jvmArgs.add("-D" + BenchDirs.DIR_PROPERTY + "=" + root);
        for (Map.Entry<Integer, Path> e : populated.entrySet()) {
            jvmArgs.add("-D" + BenchDirs.POPULATED_PROPERTY_PREFIX + e.getKey() + "=" + e.getValue());
        }
        ChainedOptionsBuilder b = new OptionsBuilder()
                .forks(1)
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.seconds(settings.iterationSeconds()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.seconds(settings.iterationSeconds()))
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true);
        if (settings.jfr()) {
            b.addProfiler("jfr", "dir=" + jfrDir.toAbsolutePath());
        }
        return b;
    }
}
