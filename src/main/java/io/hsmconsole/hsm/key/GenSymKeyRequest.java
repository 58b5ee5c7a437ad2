package io.hsmconsole.hsm.key;

import java.util.List;

/**
 * Every option of {@code genSymKey} (and CloudHSM CLI's key generate-symmetric, whose two quorum
 * values are {@code mValue} for use and {@code manageMValue} for management). {@code keyTypeCode} stays a raw number because users type
 * it; the simulator decides whether it is valid. {@code minServers}/{@code timeoutSeconds} are
 * null when not given. {@code labelOptional}: the label may be empty (see {@link KeyOptions#labelOptional()}).
 */
public record GenSymKeyRequest(int keyTypeCode, int sizeBytes, String label, String id, boolean nonExtractable,
                               boolean session, List<Integer> shareWith, int mValue, Integer minServers,
                               Integer timeoutSeconds, boolean attest, int manageMValue, boolean labelOptional) {

    public GenSymKeyRequest {
        id = id == null ? "" : id;
        shareWith = shareWith == null ? List.of() : List.copyOf(shareWith);
    }

    /** A request whose one m_value guards both use and management (genSymKey's -m_value, the console's). */
    public GenSymKeyRequest(int keyTypeCode, int sizeBytes, String label, String id, boolean nonExtractable,
                            boolean session, List<Integer> shareWith, int mValue, Integer minServers,
                            Integer timeoutSeconds, boolean attest) {
        this(keyTypeCode, sizeBytes, label, id, nonExtractable, session, shareWith, mValue, minServers, timeoutSeconds,
                attest, mValue, false);
    }

    public static GenSymKeyRequest of(int keyTypeCode, int sizeBytes, String label) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, "", false, false, List.of(), 0, null, null, false);
    }

    public GenSymKeyRequest withId(String value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, value, nonExtractable, session, shareWith, mValue,
                minServers, timeoutSeconds, attest, manageMValue, labelOptional);
    }

    public GenSymKeyRequest withNonExtractable(boolean value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, value, session, shareWith, mValue,
                minServers, timeoutSeconds, attest, manageMValue, labelOptional);
    }

    public GenSymKeyRequest withSession(boolean value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, value, shareWith, mValue,
                minServers, timeoutSeconds, attest, manageMValue, labelOptional);
    }

    public GenSymKeyRequest withShareWith(List<Integer> value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, value, mValue,
                minServers, timeoutSeconds, attest, manageMValue, labelOptional);
    }

    /** KMU's -m_value: one value for use and management. */
    public GenSymKeyRequest withMValue(int value) {
        return withQuorum(value, value);
    }

    /** CloudHSM CLI's use-key-quorum-value and manage-key-quorum-value. */
    public GenSymKeyRequest withQuorum(int use, int manage) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, shareWith, use,
                minServers, timeoutSeconds, attest, manage, labelOptional);
    }

    /** A request from PKCS#11, whose templates may leave CKA_LABEL out: see {@link KeyOptions#labelOptional()}. */
    public GenSymKeyRequest withLabelOptional() {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, shareWith, mValue,
                minServers, timeoutSeconds, attest, manageMValue, true);
    }

    public GenSymKeyRequest withMinServers(Integer value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, shareWith, mValue,
                value, timeoutSeconds, attest, manageMValue, labelOptional);
    }

    public GenSymKeyRequest withTimeoutSeconds(Integer value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, shareWith, mValue,
                minServers, value, attest, manageMValue, labelOptional);
    }

    public GenSymKeyRequest withAttest(boolean value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, shareWith, mValue,
                minServers, timeoutSeconds, value, manageMValue, labelOptional);
    }
}
