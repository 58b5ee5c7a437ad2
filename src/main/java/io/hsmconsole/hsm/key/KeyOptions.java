package io.hsmconsole.hsm.key;

import java.util.List;

/**
 * The options every key-creating command shares (genSymKey, imSymKey, unWrapKey): naming,
 * extractability, session or token, sharing and quorum, replication wait, attestation. Quorum is two
 * values: {@code mValue} for using the key (KMU's m_value, CloudHSM CLI's use-key-quorum-value) and
 * {@code manageMValue} for managing it (manage-key-quorum-value); KMU's one m_value sets both.
 * {@code labelOptional}: the key may be made with an empty label. PKCS#11's CKA_LABEL defaults to empty and
 * CloudHSM's PKCS#11 library makes keys and key pairs whose template names none (AWS's own samples,
 * aws-cloudhsm-pkcs11-examples' generate.c, do so); KMU, CloudHSM CLI and the console always ask for one.
 */
public record KeyOptions(String label, String id, boolean nonExtractable, boolean session, List<Integer> shareWith,
                         int mValue, Integer minServers, Integer timeoutSeconds, boolean attest, int manageMValue,
                         boolean labelOptional) {

    public KeyOptions {
        id = id == null ? "" : id;
        shareWith = shareWith == null ? List.of() : List.copyOf(shareWith);
    }

    public KeyOptions(String label, String id, boolean nonExtractable, boolean session, List<Integer> shareWith,
                      int mValue, Integer minServers, Integer timeoutSeconds, boolean attest, int manageMValue) {
        this(label, id, nonExtractable, session, shareWith, mValue, minServers, timeoutSeconds, attest, manageMValue,
                false);
    }

    /** Options whose one m_value guards both use and management (KMU's, PKCS#11's, the console's). */
    public KeyOptions(String label, String id, boolean nonExtractable, boolean session, List<Integer> shareWith,
                      int mValue, Integer minServers, Integer timeoutSeconds, boolean attest) {
        this(label, id, nonExtractable, session, shareWith, mValue, minServers, timeoutSeconds, attest, mValue);
    }

    public static KeyOptions labelled(String label) {
        return new KeyOptions(label, "", false, false, List.of(), 0, null, null, false);
    }

    public static KeyOptions of(GenSymKeyRequest r) {
        return new KeyOptions(r.label(), r.id(), r.nonExtractable(), r.session(), r.shareWith(), r.mValue(),
                r.minServers(), r.timeoutSeconds(), r.attest(), r.manageMValue(), r.labelOptional());
    }

    /** The same options with another {@code -min_srv} (null: every online HSM). */
    public KeyOptions withMinServers(Integer servers) {
        return withWait(servers, timeoutSeconds);
    }

    /** The same options with another {@code -min_srv} and {@code -timeout}. */
    public KeyOptions withWait(Integer servers, Integer seconds) {
        return new KeyOptions(label, id, nonExtractable, session, shareWith, mValue, servers, seconds, attest,
                manageMValue, labelOptional);
    }

    /** The same options with CloudHSM CLI's two quorum values (use, manage). */
    public KeyOptions withQuorum(int use, int manage) {
        return new KeyOptions(label, id, nonExtractable, session, shareWith, use, minServers, timeoutSeconds, attest,
                manage, labelOptional);
    }

    /** The same options from PKCS#11, whose templates may leave CKA_LABEL out (see the record's comment). */
    public KeyOptions withLabelOptional() {
        return new KeyOptions(label, id, nonExtractable, session, shareWith, mValue, minServers, timeoutSeconds, attest,
                manageMValue, true);
    }

    /** Whether the label breaks the naming rule: 1 to 127 characters without spaces, or empty where optional. */
    public boolean labelInvalid() {
        return !(KeyNaming.isValidLabel(label) || labelOptional && "".equals(label));
    }
}
