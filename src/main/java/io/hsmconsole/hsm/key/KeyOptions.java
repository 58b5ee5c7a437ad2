package io.hsmconsole.hsm.key;

import java.util.List;

/**
 * The options every key-creating command shares (genSymKey, imSymKey, unWrapKey): naming,
 * extractability, session or token, sharing and quorum, replication wait, attestation.
 */
public record KeyOptions(String label, String id, boolean nonExtractable, boolean session, List<Integer> shareWith,
                         int mValue, Integer minServers, Integer timeoutSeconds, boolean attest) {

    public KeyOptions {
        id = id == null ? "" : id;
        shareWith = shareWith == null ? List.of() : List.copyOf(shareWith);
    }

    public static KeyOptions labelled(String label) {
        return new KeyOptions(label, "", false, false, List.of(), 0, null, null, false);
    }

    public static KeyOptions of(GenSymKeyRequest r) {
        return new KeyOptions(r.label(), r.id(), r.nonExtractable(), r.session(), r.shareWith(), r.mValue(),
                r.minServers(), r.timeoutSeconds(), r.attest());
    }

    /** The same options with another {@code -min_srv} (null: every online HSM). */
    public KeyOptions withMinServers(Integer servers) {
        return new KeyOptions(label, id, nonExtractable, session, shareWith, mValue, servers, timeoutSeconds, attest);
    }
}
