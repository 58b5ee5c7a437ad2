package io.hsmconsole.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an attack by the second local user plays: a shared sticky folder both users reach (a shared
 * {@code /tmp}) and a private work folder of ours; both removed at the end.
 */
final class AttackScene implements AutoCloseable {
    final Path shared;
    final Path work;

    private AttackScene(Path shared, Path work) {
        this.shared = shared;
        this.work = work;
    }

    static AttackScene create(String name) {
        SecondLocalUser.require();
        try {
            return new AttackScene(SecondLocalUser.sharedStickyFolder("hsm-shared-" + name),
                    Files.createTempDirectory("hsm-work-" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code script} with {@code sh -c} as the other user; it must succeed. */
    void attacker(String script) {
        SecondLocalUser.Result r = SecondLocalUser.runAs(List.of("sh", "-c", script), 60);
        assertThat(r.exitCode()).as("the attacker's %s: %s", script, r.output()).isZero();
    }

    @Override
    public void close() throws IOException {
        for (Path p : List.of(shared, work)) {
            try (Stream<Path> files = Files.walk(p)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
