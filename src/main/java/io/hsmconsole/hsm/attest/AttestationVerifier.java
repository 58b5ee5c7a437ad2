package io.hsmconsole.hsm.attest;

import io.hsmconsole.hsm.cluster.Firmware;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.digests.SHA256Digest;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The client side of attestation. Trusts only the two roots it was given; checks that the node's
 * HSM certificate chains to each root through the node's hardware certificates, that the response
 * is signed by that HSM certificate's key, that it carries the nonce the client sent and the node
 * it asked, and that the measured firmware is the known-good one.
 */
public final class AttestationVerifier {
    private final X509CertificateHolder manufacturerRoot;
    private final X509CertificateHolder operatorRoot;

    public AttestationVerifier(byte[] manufacturerRootDer, byte[] operatorRootDer) {
        this.manufacturerRoot = Pki.decodeCertificate(manufacturerRootDer);
        this.operatorRoot = Pki.decodeCertificate(operatorRootDer);
    }

    /** The node's certificates as it presents them (DER). */
    public record NodeCertificates(byte[] manufacturerHardware, byte[] operatorHardware, byte[] hsm) {
    }

    public AttestationReport verify(SignedResponse response, byte[] sentNonce, int askedNode, NodeCertificates certs,
                                    byte[] knownGoodMeasurement, long nowMillis) {
        X509CertificateHolder mHw = Pki.decodeCertificate(certs.manufacturerHardware());
        X509CertificateHolder oHw = Pki.decodeCertificate(certs.operatorHardware());
        X509CertificateHolder hsm = Pki.decodeCertificate(certs.hsm());
        List<CertificateSummary> mChain = List.of(summary(hsm), summary(mHw), summary(manufacturerRoot));
        List<CertificateSummary> oChain = List.of(summary(hsm), summary(oHw), summary(operatorRoot));
        String expectedHex = HexFormat.of().formatHex(knownGoodMeasurement);
        Verdict v = new Verdict(askedNode, nowMillis, expectedHex, mChain, oChain);

        String chainProblem = chainProblem(hsm, mHw, manufacturerRoot, nowMillis, "manufacturer");
        if (chainProblem == null) {
            chainProblem = chainProblem(hsm, oHw, operatorRoot, nowMillis, "operator");
        }
        if (chainProblem != null) {
            return v.fail(chainProblem, "");
        }
        if (!Pki.verify(hsm.getSubjectPublicKeyInfo(), response.body(), response.signature())) {
            return v.fail("signature invalid: the response is not signed by the node's HSM certificate key", "");
        }
        SignedResponse.Body body;
        try {
            body = SignedResponse.decode(response.body());
        } catch (IllegalArgumentException e) {
            return v.fail(e.getMessage(), "");
        }
        String measuredHex = HexFormat.of().formatHex(body.measurement());
        if (!Arrays.equals(body.nonce(), sentNonce)) {
            return v.fail("nonce mismatch: the response does not answer this request (replayed?)", measuredHex);
        }
        if (body.nodeId() != askedNode) {
            return v.fail("node mismatch: the response names node " + body.nodeId(), measuredHex);
        }
        if (!Arrays.equals(body.measurement(), knownGoodMeasurement)) {
            return v.fail("measurement mismatch: the node's firmware is not the known-good image", measuredHex);
        }
        return new AttestationReport(true, "", askedNode, nowMillis, measuredHex, expectedHex, mChain, oChain);
    }

    private static String chainProblem(X509CertificateHolder hsm, X509CertificateHolder hardware,
                                       X509CertificateHolder root, long now, String which) {
        java.util.Date at = new java.util.Date(now);
        if (!root.isValidOn(at) || !hardware.isValidOn(at) || !hsm.isValidOn(at)) {
            return "chain invalid: a certificate of the " + which + " chain is not valid now";
        }
        if (!Pki.signedBy(root, root)) {
            return "chain invalid: the " + which + " root is not self-signed";
        }
        if (!hardware.getIssuer().equals(root.getSubject()) || !Pki.signedBy(hardware, root)) {
            return "chain invalid: the node's " + which + " hardware certificate is not signed by the " + which + " root";
        }
        if (!hsm.getIssuer().equals(hardware.getSubject()) || !Pki.signedBy(hsm, hardware)) {
            return "chain invalid: the HSM certificate is not signed by the node's " + which + " hardware certificate";
        }
        return null;
    }

    static CertificateSummary summary(X509CertificateHolder c) {
        byte[] der = ClusterPki.encoded(c);
        SHA256Digest d = new SHA256Digest();
        d.update(der, 0, der.length);
        byte[] fp = new byte[32];
        d.doFinal(fp, 0);
        return new CertificateSummary(c.getSubject().toString(), c.getIssuer().toString(), c.getNotBefore().getTime(),
                c.getNotAfter().getTime(), HexFormat.ofDelimiter(":").withUpperCase().formatHex(fp));
    }

    /** Builds failing reports with the common fields. */
    private record Verdict(int node, long now, String expectedHex, List<CertificateSummary> m, List<CertificateSummary> o) {
        AttestationReport fail(String reason, String measuredHex) {
            return new AttestationReport(false, reason, node, now, measuredHex, expectedHex, m, o);
        }
    }

    /** SHA-256 of a payload, as bound into a response body. */
    public static byte[] digest(byte[] payload) {
        SHA256Digest d = new SHA256Digest();
        d.update(payload, 0, payload.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** For callers that only need the measurement the verifier compares against. */
    public static byte[] knownGood(String firmwareVersion) {
        return Firmware.knownGoodMeasurement(firmwareVersion);
    }
}
