package io.hsmconsole.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HikariCP's INFO chatter (the pool starting and stopping) reaches neither the service's log nor the
 * console's terminal, also when the console is started by JavaFX's launcher ({@code ./mvnw javafx:run});
 * a user who asks for INFO gets it. Each case is a fresh JVM: SLF4J reads its settings once.
 */
class LibraryLoggingTest {
    @Test
    void thePoolsInfoLinesStayOutOfTheServiceLogAndTheConsole() throws Exception {
        for (String entry : List.of("service", "tools", "console")) {
            String err = probe(entry);
            assertThat(err).as(entry).doesNotContain("HikariPool").doesNotContain("[INFO]");
        }
    }

    @Test
    void aUserWhoAsksForInfoGetsThePoolsLines() throws Exception {
        assertThat(probe("service", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info")).contains("HikariPool-1 - Start");
        assertThat(probe("console", "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=info"))
                .contains("HikariPool-1 - Start");
    }

    /** The child's standard error. */
    private static String probe(String entry, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PoolLoggingProbe.class.getName(), entry));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return err;
    }
}
