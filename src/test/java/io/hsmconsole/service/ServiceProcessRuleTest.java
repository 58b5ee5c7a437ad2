package io.hsmconsole.service;

import io.hsmconsole.security.SecondLocalUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients' rule for trusting an endpoint's port (docs/security.md, "Client service"): the process
 * the endpoint names still runs, is this account's, started when the endpoint says and is not ending.
 * bin/service-client.sh applies it in bash, {@link ServiceProcess} in Java; both are asked about real
 * processes in each state and must agree with each other and with the expected answer.
 */
class ServiceProcessRuleTest {
    private static final Path SCRIPT = Path.of("bin", "service-client.sh").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void thisRunningProcessOfOursIsTrustedAndNotWithAnotherStartTime() throws Exception {
        ServiceProcess self = ServiceProcess.current();
        assertThat(self.startTicks()).matches("\\d+");
        expect(self, true);
        expect(new ServiceProcess(self.pid(), Long.toString(Long.parseLong(self.startTicks()) + 1)), false);
    }

    @Test
    void aProcessThatEndedIsNotTrusted() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        ServiceProcess named = startOf(sleep.pid());
        sleep.destroyForcibly();
        assertThat(sleep.waitFor(30, TimeUnit.SECONDS)).isTrue(); // reaped: its pid is free
        expect(named, false);
    }

    @Test
    void aZombieIsNotTrusted() throws Exception {
        // The shell's child ends at once; the shell becomes a sleep that never waits for it.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 60").start();
        try {
            long zombie = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine().trim());
            ServiceProcess named = startOf(zombie);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!stat(zombie).contains(") Z ")) {
                assertThat(System.nanoTime()).as("the child became a zombie").isLessThan(deadline);
                Thread.sleep(20);
            }
            expect(named, false);
        } finally {
            parent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunningProcessOfAnotherAccountIsNotTrustedEvenWithItsOwnStartTime() throws Exception {
        Process runuser = SecondLocalUser.startAs(List.of("sleep", "60"), temp.resolve("sleep.log"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<ProcessHandle> sleeps = List.of();
            while (sleeps.isEmpty()) {
                assertThat(System.nanoTime()).as("runuser started the sleep").isLessThan(deadline);
                Thread.sleep(20);
                // runuser may run the sleep as its child or become it
                sleeps = java.util.stream.Stream.concat(java.util.stream.Stream.of(runuser.toHandle()),
                        runuser.toHandle().descendants()).filter(p -> p.info().command().orElse("").endsWith("sleep")).toList();
            }
            ServiceProcess theirs = startOf(sleeps.get(0).pid());
            assertThat(Files.getAttribute(Path.of("/proc", Long.toString(theirs.pid())), "unix:uid"))
                    .isEqualTo(SecondLocalUser.uid());
            expect(theirs, false);
        } finally {
            runuser.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            runuser.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aNameWithSpacesAndParenthesesIsReadPastItsEnd() throws Exception {
        Path sleep = temp.resolve("a) b) Z 1 ");
        Files.copy(Path.of(new String(new ProcessBuilder("sh", "-c", "command -v sleep").start().getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8).trim()), sleep);
        sleep.toFile().setExecutable(true);
        Process odd = new ProcessBuilder(sleep.toString(), "60").start();
        try {
            assertThat(stat(odd.pid())).contains("(a) b) Z 1 )");
            expect(startOf(odd.pid()), true);
        } finally {
            odd.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEndingProcessOrAnUnreadableLineIsNotTrusted() {
        String line = "4242 (java) S 1 4242 4242 0 -1 %d 100 0 0 0 5 3 0 0 20 0 30 0 987654 1000 200";
        assertThat(ServiceProcess.vouches(line.formatted(0x400000L), "987654")).isTrue();
        assertThat(ServiceProcess.vouches(line.formatted(0x400004L), "987654")).as("PF_EXITING").isFalse();
        assertThat(ServiceProcess.vouches(line.formatted(0x400000L).replace(" S ", " Z "), "987654")).isFalse();
        assertThat(ServiceProcess.vouches(line.formatted(0x400000L), ServiceProcess.UNKNOWN)).isFalse();
        assertThat(ServiceProcess.vouches("4242 (java) S 1 4242", "987654")).isFalse();
        assertThat(ServiceProcess.vouches("", "987654")).isFalse();
    }

    /** Both copies of the rule give {@code trusted}. */
    private static void expect(ServiceProcess process, boolean trusted) throws IOException, InterruptedException {
        assertThat(process.vouchesForItsPort()).as("Java, %s", process).isEqualTo(trusted);
        assertThat(bash(process)).as("bash, %s", process).isEqualTo(trusted);
    }

    private static boolean bash(ServiceProcess process) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder(new ArrayList<>(List.of("bash", SCRIPT.toString(), "listener-is-ours",
                Long.toString(process.pid()), process.startTicks()))).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("bash printed nothing").isEmpty();
        return bash.exitValue() == 0;
    }

    /** The process with its start time read now, as the service writes its own into the endpoint file. */
    private static ServiceProcess startOf(long pid) throws IOException {
        String stat = stat(pid);
        String[] f = stat.substring(stat.lastIndexOf(") ") + 2).strip().split(" ");
        return new ServiceProcess(pid, f[19]);
    }

    private static String stat(long pid) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
    }
}
