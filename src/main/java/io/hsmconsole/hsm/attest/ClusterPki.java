package io.hsmconsole.hsm.attest;

import io.hsmconsole.store.IdentityItem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.List;

/**
 * Mints a cluster's PKI the way CloudHSM arranges it. Two roots: the manufacturer's and the
 * operator's (the AWS role). Each node has one hardware key certified twice — by the manufacturer
 * root and by the operator root, under the same subject name — and an HSM certificate for its
 * signing key issued by that hardware key. So the HSM certificate verifies along both chains, as
 * AWS's "verify HSM identity" procedure checks with {@code openssl verify}.
 */
public final class ClusterPki {
    public static final String MANUFACTURER_ROOT = "root/manufacturer";
    public static final String OPERATOR_ROOT = "root/operator";
    private static final long DAY = 86_400_000L;
    private static final long VALIDITY = 20 * 365 * DAY;
    private static final String ORG = "O=HSM Key Console Simulator";

    private ClusterPki() {
    }

    public static String manufacturerHardware(int node) {
        return "node/" + node + "/manufacturer-hardware";
    }

    public static String operatorHardware(int node) {
        return "node/" + node + "/operator-hardware";
    }

    public static String hsmCertificate(int node) {
        return "node/" + node + "/hsm";
    }

    public static String nodePrefix(int node) {
        return "node/" + node + "/";
    }

    public static List<IdentityItem> mintRoots(String cluster, long now, SecureRandom random) {
        return List.of(selfSigned(MANUFACTURER_ROOT, "CN=Simulated LiquidSecurity Manufacturer Root," + ORG, now, random),
                selfSigned(OPERATOR_ROOT, "CN=Simulated Operator Root " + cluster + "," + ORG, now, random));
    }

    private static IdentityItem selfSigned(String name, String dn, long now, SecureRandom random) {
        AsymmetricCipherKeyPair pair = Pki.newKeyPair(random);
        X500Name subject = new X500Name(dn);
        SubjectPublicKeyInfo pub = Pki.publicInfo(pair);
        X509CertificateHolder cert = Pki.issue(subject, pair.getPrivate(), pub, subject, pub, true,
                now - DAY, now + VALIDITY, random);
        return new IdentityItem(name, encoded(cert), Pki.encodePrivate(pair.getPrivate()));
    }

    /** The three certificates of one node, issued under the two roots. */
    public static List<IdentityItem> mintNode(IdentityItem manufacturerRoot, IdentityItem operatorRoot, String cluster,
                                              int node, long now, SecureRandom random) {
        AsymmetricCipherKeyPair hardware = Pki.newKeyPair(random);
        AsymmetricCipherKeyPair signing = Pki.newKeyPair(random);
        X500Name hardwareName = new X500Name("CN=Simulated HSM hardware " + cluster + " node " + node + "," + ORG);
        X500Name hsmName = new X500Name("CN=Simulated HSM " + cluster + " node " + node + "," + ORG);
        SubjectPublicKeyInfo hardwarePub = Pki.publicInfo(hardware);
        X509CertificateHolder mRoot = Pki.decodeCertificate(manufacturerRoot.certificate());
        X509CertificateHolder oRoot = Pki.decodeCertificate(operatorRoot.certificate());
        X509CertificateHolder byManufacturer = Pki.issue(mRoot.getSubject(), Pki.decodePrivate(manufacturerRoot.privateKey()),
                mRoot.getSubjectPublicKeyInfo(), hardwareName, hardwarePub, true, now - DAY, now + VALIDITY, random);
        X509CertificateHolder byOperator = Pki.issue(oRoot.getSubject(), Pki.decodePrivate(operatorRoot.privateKey()),
                oRoot.getSubjectPublicKeyInfo(), hardwareName, hardwarePub, true, now - DAY, now + VALIDITY, random);
        X509CertificateHolder hsm = Pki.issue(hardwareName, hardware.getPrivate(), hardwarePub, hsmName,
                Pki.publicInfo(signing), false, now - DAY, now + VALIDITY, random);
        return List.of(new IdentityItem(manufacturerHardware(node), encoded(byManufacturer), Pki.encodePrivate(hardware.getPrivate())),
                new IdentityItem(operatorHardware(node), encoded(byOperator), null),
                new IdentityItem(hsmCertificate(node), encoded(hsm), Pki.encodePrivate(signing.getPrivate())));
    }

    static byte[] encoded(X509CertificateHolder cert) {
        try {
            return cert.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
