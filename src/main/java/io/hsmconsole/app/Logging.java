package io.hsmconsole.app;

/**
 * The one logging set-up of the product: SLF4J with its simple backend (slf4j-simple: a few small
 * classes, nothing to parse at start; the command-line tools load none of it unless something logs).
 * Each entry point calls one of these first, before any logger exists. Options given with {@code -D}
 * (for example {@code HSM_CONSOLE_JAVA_OPTS=-Dorg.slf4j.simpleLogger.defaultLogLevel=debug}) win.
 *
 * <p>Log lines go to the process's standard error: the client service's is its owner-only log file
 * ({@code <data folder>/service/log}, made so by {@code cloudhsm_client start}), so that one file also
 * holds what the JVM itself prints there; a tool's or the console's is the user's terminal, where
 * only warnings appear (a tool's standard error is part of its output and of the golden transcripts).
 *
 * <p>The libraries' chatter (HikariCP's pool starting and stopping) stays at WARN even in the service's
 * INFO log: it says nothing a user acts on. A user who asks for more, with {@code defaultLogLevel} or
 * the library's own {@code log.com.zaxxer.hikari}, gets it.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";
    /** The connection pool of the PostgreSQL store (team mode). */
    static final String HIKARI = "log.com.zaxxer.hikari";

    private Logging() {
    }

    /** The client service: what it serves, refuses and why it stops, with times. */
    static void forService() {
        libraryLevel("warn");
        configure("info", true);
    }

    /** The tools and the console: warnings only. */
    static void forTools() {
        // The pool's own warnings (a connection the server cut, with the driver's stack trace) would
        // land in a tool's output; the store reports the same failure in one line naming the server.
        libraryLevel("error");
        configure("warn", false);
    }

    /** The libraries' level, unless the user chose a level (for everything, or for the library). */
    private static void libraryLevel(String level) {
        if (System.getProperty(PREFIX + "defaultLogLevel") == null) {
            setDefault(HIKARI, level);
        }
    }

    private static void configure(String level, boolean withTimes) {
        setDefault("logFile", "System.err");
        setDefault("defaultLogLevel", level);
        setDefault("showDateTime", Boolean.toString(withTimes));
        setDefault("dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setDefault("showThreadName", "false");
        setDefault("showShortLogName", "true");
        setDefault("levelInBrackets", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
