package io.hsmconsole.service;

/**
 * Where the client service listens (a loopback port), the secret every request must present, the
 * project folder it runs from (a launcher of another checkout does not use it), the proof the
 * service sends first on every connection, and the process that listens: a client sends nothing to a
 * port unless that process still runs ({@link ServiceProcess}) and the listener sends the proof first
 * (a process of another user that took the port of a killed service can do neither).
 */
public record Endpoint(int port, String secret, String projectRoot, String proof, ServiceProcess process) {
}
