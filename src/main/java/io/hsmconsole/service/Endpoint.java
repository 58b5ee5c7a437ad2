package io.hsmconsole.service;

/**
 * Where the client service listens (a loopback port), the secret every request must present, the
 * project folder it runs from (a launcher of another checkout does not use it), and the proof the
 * service sends first on every connection: a client sends nothing to a listener that does not know
 * it (a process of another user that took the port of a killed service cannot).
 */
public record Endpoint(int port, String secret, String projectRoot, String proof) {
}
