package io.hsmconsole.service;

/**
 * Where the client service listens (a loopback port), the secret every request must present, and the
 * project folder it runs from (a launcher of another checkout does not use it).
 */
public record Endpoint(int port, String secret, String projectRoot) {
}
