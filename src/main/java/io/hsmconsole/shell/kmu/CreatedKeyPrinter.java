package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.GeneratedKey;

/**
 * The output of a command that creates a key (genSymKey, imSymKey, unWrapKey): the result line,
 * the handle, the attestation verdict when {@code -attest} was given, then the cluster block. When
 * {@code -min_srv} was not reached in time the key was rolled back: {@code Couldn't verify key sync
 * on N servers}, {@code Rolling back} and the deletion's answer come before the block, which then
 * lists the nodes the key was deleted from. (The wait itself is printed by {@link KeySyncProgress}.)
 */
final class CreatedKeyPrinter {
    private CreatedKeyPrinter() {
    }

    /** A progress that announced the handle while waiting; on success the handle is printed again, as KMU does. */
    static void print(KmuPrinter p, String call, String createdText, HsmResult<GeneratedKey> result, Integer minServers,
                      KeySyncProgress progress) {
        p.result(call, result.code());
        GeneratedKey key = result.value();
        if (key != null && !(key.rolledBack() && progress.announced())) {
            p.line(createdText + "  Key Handle: " + key.handle());
        }
        p.attestation(result.attestationReport());
        if (key != null && key.rolledBack()) {
            p.line("Couldn't verify key sync on " + (minServers == null ? 1 : minServers) + " servers");
            p.line("Rolling back");
            p.result("Cfm3DeleteKey", ReturnCode.SUCCESS);
        }
        p.clusterBlock(result.nodes());
    }
}
