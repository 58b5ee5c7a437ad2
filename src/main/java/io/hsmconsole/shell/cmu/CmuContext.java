package io.hsmconsole.shell.cmu;

import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.shell.Console;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.InputFiles;
import io.hsmconsole.text.CmuText;
import io.hsmconsole.store.OwnerOnly;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What CMU commands share: the cluster, the logged-in session, the console, and CMU's way of
 * answering per server ({@code shareKey success on server 0(10.0.0.1)}) and of confirming
 * critical operations.
 */
final class CmuContext {
    private final HsmCluster cluster;
    private final Console console;
    private final Path workDir;
    private final HsmClock clock;
    private HsmSession session;

    CmuContext(HsmCluster cluster, Console console, Path workDir, HsmClock clock) {
        this.cluster = cluster;
        this.console = console;
        this.workDir = workDir;
        this.clock = clock;
    }

    /** The simulator's time (a token's remaining validity). */
    long nowMillis() {
        return clock.nowMillis();
    }

    /** A file a command reads; when it cannot be read, one line says which and why. */
    Optional<byte[]> read(String command, String name, String what) {
        InputFiles.Result read = InputFiles.read(file(name));
        if (read.bytes().isEmpty()) {
            out().printf("%s failed: cannot read the %s file %s: %s%n", command, what, name, read.reason());
        }
        return read.bytes();
    }

    /**
     * Writes a file a command was told to write (an attribute dump, a quorum token): whole and owner-only,
     * replacing whatever is at that name (a link another user planted there is replaced, never followed).
     */
    void write(String name, byte[] content) throws IOException {
        OwnerOnly.writeWhole(file(name), content);
    }

    HsmCluster cluster() {
        return cluster;
    }

    Console console() {
        return console;
    }

    PrintWriter out() {
        return console.out();
    }

    Path file(String name) {
        return workDir.resolve(name);
    }

    Optional<HsmSession> session() {
        return Optional.ofNullable(session);
    }

    void loggedIn(HsmSession s) {
        session = s;
    }

    void endSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    List<NodeStatus> nodes() {
        return cluster.nodes();
    }

    /** The CAUTION banner and {@code Do you want to continue(y/n)?} until y or n; end of input is no. */
    boolean confirm() {
        out().print(CmuText.CAUTION);
        while (true) {
            String answer = console.readLine(CmuText.CONFIRM);
            if (answer == null || answer.strip().equals("n")) {
                return false;
            }
            if (answer.strip().equals("y")) {
                return true;
            }
            out().println("Invalid option, please type 'y' or 'n'");
        }
    }

    /** One line per server: {@code <cmd> success on server N(ip)} or why it failed there. */
    ExitStatus perServer(String command, HsmResult<?> result) {
        CmuText.perServer(command, result, out());
        return ExitStatus.of(result.isSuccess());
    }

    /**
     * A command that needs a login, run without one: every server refuses it and the attempt is
     * audited. {@code arguments} never carries a password.
     */
    ExitStatus notLoggedIn(String command, String arguments) {
        return perServer(command, cluster.refuseWithoutLogin(command, arguments));
    }

    /** {@code Creating User alice(CO) on 3 nodes}: CMU counts the servers it talks to (the online ones). */
    int onlineNodes() {
        return (int) nodes().stream().filter(NodeStatus::isOnline).count();
    }
}
