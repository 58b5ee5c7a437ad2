package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.Console;
import io.hsmconsole.text.KmuPrinter;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a KMU command works with: the cluster, the logged-in session if any, the console (for the
 * prompts some commands show) and the folder relative file names are resolved against.
 */
final class KmuContext {
    private final HsmCluster cluster;
    private final Console console;
    private final Path workDir;
    private final KmuPrinter printer;
    private final HsmClock clock;
    private HsmSession session;

    KmuContext(HsmCluster cluster, Console console, Path workDir, HsmClock clock) {
        this.cluster = cluster;
        this.console = console;
        this.workDir = workDir;
        this.printer = new KmuPrinter(console.out());
        this.clock = clock;
    }

    /** The simulator's time (for a token's remaining validity). */
    long nowMillis() {
        return clock.nowMillis();
    }

    HsmCluster cluster() {
        return cluster;
    }

    Console console() {
        return console;
    }

    KmuPrinter printer() {
        return printer;
    }

    Optional<HsmSession> session() {
        return Optional.ofNullable(session);
    }

    void loggedIn(HsmSession newSession) {
        session = newSession;
    }

    /** Ends the session (its session keys vanish). */
    void endSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    Path workDir() {
        return workDir;
    }

    Path file(String name) {
        return workDir.resolve(name);
    }
}
