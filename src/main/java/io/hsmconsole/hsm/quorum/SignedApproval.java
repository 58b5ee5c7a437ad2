package io.hsmconsole.hsm.quorum;

import java.util.List;

/**
 * What a client hands the HSM with {@code --approval} (or to register a key): the token's approval
 * data, the token (its SHA-256) as the file states it, and each approver's signature of it.
 */
public record SignedApproval(byte[] approvalData, byte[] token, List<Signature> signatures) {

    /** One approver's signature: their username and the RSA signature bytes. */
    public record Signature(String username, byte[] signature) {
        public Signature {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    public SignedApproval {
        approvalData = approvalData.clone();
        token = token.clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] approvalData() {
        return approvalData.clone();
    }

    @Override
    public byte[] token() {
        return token.clone();
    }
}
