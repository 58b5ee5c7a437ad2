package io.hsmconsole.service;

/**
 * Another long-running way into the data folder that the service carries (the PKCS#11 endpoint):
 * opened once the service holds the folder's lock (so two services never fight over its socket),
 * reported by {@code status}, closed when the service stops. While it has connections open the
 * service does not stop for being idle: an application that keeps its PKCS#11 sessions open is using it.
 */
public interface WayIn {
    /** A word without spaces, for {@code status} and {@code pkcs11-env}: e.g. {@code pkcs11}. */
    String name();

    /**
     * Starts serving. A failure does not stop the service (the command lines still need it): it is
     * logged, {@link #address()} is then empty and {@link #problem()} says why.
     */
    void open();

    /** Where clients connect (e.g. {@code unix:path=/…/pkcs11.sock}), or empty when it is not served. */
    java.util.Optional<String> address();

    /** Why it is not served, when {@link #address()} is empty. */
    String problem();

    /** Connections open now. */
    int openConnections();

    /** {@link System#nanoTime()} of its last connection opened or closed (0: none yet). */
    long lastActivityNanos();

    /** Ends every connection and stops serving. */
    void close();
}
