package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.GeneratedKey;

/**
 * The output of a command that creates a key (genSymKey, imSymKey, unWrapKey): the result line,
 * the handle, the attestation verdict when {@code -attest} was given, a roll-back note when
 * {@code -min_srv} was not reached in time, then the cluster block.
 */
final class CreatedKeyPrinter {
    private CreatedKeyPrinter() {
    }

    static void print(KmuPrinter p, String call, String createdText, HsmResult<GeneratedKey> result, Integer minServers) {
        p.result(call, result.code());
        GeneratedKey key = result.value();
        if (key != null) {
            p.line(createdText + "  Key Handle: " + key.handle());
        }
        p.attestation(result.attestationReport());
        if (key != null && key.rolledBack()) {
            p.line("Couldn't verify key sync on " + minServers + " servers");
            p.line("Rolling back");
        }
        p.clusterBlock(result.nodes());
    }
}
