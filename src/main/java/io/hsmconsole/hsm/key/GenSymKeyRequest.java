package io.hsmconsole.hsm.key;

import java.util.List;

/**
 * Every option of {@code genSymKey}. {@code keyTypeCode} stays a raw number because users type
 * it; the simulator decides whether it is valid. {@code minServers}/{@code timeoutSeconds} are
 * null when not given.
 */
public record GenSymKeyRequest(int keyTypeCode, int sizeBytes, String label, String id, boolean nonExtractable,
                               boolean session, List<Integer> shareWith, int mValue, Integer minServers,
                               Integer timeoutSeconds, boolean attest) {

    public GenSymKeyRequest {
        id = id == null ? "" : id;
        shareWith = shareWith == null ? List.of() : List.copyOf(shareWith);
    }

    public static GenSymKeyRequest of(int keyTypeCode, int sizeBytes, String label) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, "", false, false, List.of(), 0, null, null, false);
    }

    public GenSymKeyRequest withId(String value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, value, nonExtractable, session, shareWith, mValue,
                minServers, timeoutSeconds, attest);
    }

    public GenSymKeyRequest withNonExtractable(boolean value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, value, session, shareWith, mValue,
                minServers, timeoutSeconds, attest);
    }

    public GenSymKeyRequest withSession(boolean value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, value, shareWith, mValue,
                minServers, timeoutSeconds, attest);
    }

    public GenSymKeyRequest withShareWith(List<Integer> value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, value, mValue,
                minServers, timeoutSeconds, attest);
    }

    public GenSymKeyRequest withMValue(int value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, shareWith, value,
                minServers, timeoutSeconds, attest);
    }

    public GenSymKeyRequest withMinServers(Integer value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, shareWith, mValue,
                value, timeoutSeconds, attest);
    }

    public GenSymKeyRequest withTimeoutSeconds(Integer value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, shareWith, mValue,
                minServers, value, attest);
    }

    public GenSymKeyRequest withAttest(boolean value) {
        return new GenSymKeyRequest(keyTypeCode, sizeBytes, label, id, nonExtractable, session, shareWith, mValue,
                minServers, timeoutSeconds, value);
    }
}
