package io.hsmconsole.store;

/**
 * One piece of the cluster's PKI as stored: a certificate (DER) and, where the cluster holds it, the
 * private key (PKCS#8 DER, encrypted at rest by the store). Names are paths such as
 * {@code root/manufacturer} or {@code node/1/signing}.
 */
public record IdentityItem(String name, byte[] certificate, byte[] privateKey) {
}
