package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.shell.Console;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A shell inside the console: the real key_mgmt_util or CloudHSM CLI ({@link ConsoleLanguage}) in
 * interactive mode on a thread of its own, reading the lines the pane submits and writing its output
 * to the pane. Its session is its own (log in with {@code loginHSM} or {@code login}), as a separate
 * process would have. When the shell ends ({@code exit}, {@code quit}), the console switches clusters
 * or the pane switches language, a new shell starts.
 */
public final class ConsoleController implements AutoCloseable {
    /** Ends the running shell (its readLine answers "end of input"); a new one starts afterwards. */
    private static final String RESTART = new String("restart");
    private static final String STOP = new String("stop");

    private final Workspace workspace;
    private final TaskRunner runner;
    private final Path workDir;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final BlockingQueue<char[]> secrets = new LinkedBlockingQueue<>();
    private Consumer<String> output = s -> { };
    private Consumer<Boolean> secretWanted = b -> { };
    private Consumer<Optional<UserInfo>> sessionUser = u -> { };
    private volatile ConsoleLanguage language = ConsoleLanguage.KEY_MGMT_UTIL;
    private volatile ConsoleLanguage.Shell shell;
    private Thread shellThread;

    public ConsoleController(Workspace workspace, TaskRunner runner, Path workDir) {
        this.workspace = workspace;
        this.runner = runner;
        this.workDir = workDir;
        workspace.locationProperty().addListener((obs, old, now) -> {
            if (old != null && shellThread != null) {
                lines.offer(RESTART); // the old shell's cluster is being closed
            }
        });
    }

    /** Where relative file names ({@code getAttribute ... -out attr_7}) are read and written. */
    public Path workDir() {
        return workDir;
    }

    /**
     * Starts the shell (once). Output arrives in chunks on the UI thread; {@code secretWanted} is
     * told when the shell asks for a password (true) and when it got it (false); {@code onSessionUser}
     * is told, before each prompt, who the shell's own session belongs to (empty: nobody).
     */
    public synchronized void start(Consumer<String> onOutput, Consumer<Boolean> onSecretWanted,
                                   Consumer<Optional<UserInfo>> onSessionUser) {
        if (shellThread != null) {
            return;
        }
        this.output = onOutput;
        this.secretWanted = onSecretWanted;
        this.sessionUser = onSessionUser;
        shellThread = new Thread(this::loop, "hsm-console-shell");
        shellThread.setDaemon(true);
        shellThread.start();
    }

    /** The line as the pane may show and keep it: any password replaced by {@code <password>}. */
    public String withSecretsHidden(String line) {
        return language.withSecretsHidden(line);
    }

    public ConsoleLanguage language() {
        return language;
    }

    /**
     * Runs {@code next}'s shell from now on: the running shell ends (its session with it) and the
     * other starts on the same cluster. Not while the shell waits for a password (the pane hides the
     * switch then).
     */
    public synchronized void use(ConsoleLanguage next) {
        if (next == language) {
            return;
        }
        language = next;
        if (shellThread != null) {
            lines.offer(RESTART);
        }
    }

    /** A command line typed in the pane. */
    public void submit(String line) {
        lines.offer(line);
    }

    /** The answer to a password prompt; the array is the shell's now (it wipes it after use). */
    public void submitSecret(char[] secret) {
        secrets.offer(secret);
    }

    private void loop() {
        PaneConsole console = new PaneConsole();
        while (true) {
            HsmCluster cluster = workspace.cluster();
            if (cluster == null) {
                if (STOP == take()) {
                    return; // still opening: wait for the first command
                }
                continue;
            }
            ConsoleLanguage running = language;
            try {
                shell = running.start(cluster, console, workDir, workspace.catalog().dataDirectory());
                shell.run().run();
            } catch (RuntimeException e) {
                console.out().printf("%n\tThe shell stopped: %s%n", e.getMessage());
            }
            shell = null;
            tellSessionUser(Optional.empty()); // the ended shell's session ended with it
            if (console.stopped) {
                return;
            }
            String next = running == language ? "a new one" : language.tool();
            console.out().printf("%n(%s ended; %s runs on cluster %s)%n", running.tool(), next,
                    workspace.clusterNameProperty().get());
            console.out().flush();
        }
    }

    private void tellSessionUser(Optional<UserInfo> user) {
        runner.onUiThread(() -> sessionUser.accept(user));
    }

    private String take() {
        try {
            return lines.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return STOP;
        }
    }

    @Override
    public void close() {
        lines.offer(STOP);
    }

    /** The shell's console: reads what the pane submits, writes to the pane in flushed chunks. */
    private final class PaneConsole implements Console {
        private final PrintWriter out = new PrintWriter(new Writer() {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public void write(char[] chars, int offset, int length) {
                synchronized (pending) {
                    pending.append(chars, offset, length);
                }
            }

            @Override
            public void flush() {
                String chunk;
                synchronized (pending) {
                    chunk = pending.toString();
                    pending.setLength(0);
                }
                if (!chunk.isEmpty()) {
                    runner.onUiThread(() -> output.accept(chunk));
                }
            }

            @Override
            public void close() {
                flush();
            }
        });
        private boolean stopped;

        @Override
        public String readLine(String prompt) {
            ConsoleLanguage.Shell current = shell;
            tellSessionUser(current == null ? Optional.empty() : current.loggedInUser().get());
            out.print(prompt);
            out.flush();
            String line = take();
            if (line == RESTART || line == STOP) {
                stopped = line == STOP;
                out.println();
                out.flush();
                return null; // end of input: the shell ends its session and returns
            }
            out.println(language.withSecretsHidden(line)); // what a terminal echoes, but never a password
            out.flush();
            return line;
        }

        @Override
        public char[] readSecret(String prompt) {
            out.print(prompt);
            out.flush();
            runner.onUiThread(() -> secretWanted.accept(true));
            try {
                char[] secret = secrets.take();
                return secret;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                runner.onUiThread(() -> secretWanted.accept(false));
                out.println();
                out.flush();
            }
        }

        @Override
        public PrintWriter out() {
            return out;
        }
    }
}
