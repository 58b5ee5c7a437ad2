package io.hsmconsole.hsm.attest;

import io.hsmconsole.store.IdentityItem;

/** The node side of attestation: signs a response body with the node's HSM key. */
public final class NodeSigner {
    private NodeSigner() {
    }

    public static SignedResponse sign(IdentityItem hsmIdentity, SignedResponse.Body body) {
        byte[] encoded = SignedResponse.encode(body);
        return new SignedResponse(encoded, Pki.sign(Pki.decodePrivate(hsmIdentity.privateKey()), encoded));
    }
}
