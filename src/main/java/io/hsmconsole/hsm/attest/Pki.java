package io.hsmconsole.hsm.attest;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;

/**
 * The small set of PKI operations attestation needs, on BouncyCastle's lightweight API (no JCA
 * provider to register, which keeps start-up cheap): EC P-384 keys, X.509 certificates signed with
 * ECDSA-SHA384, and raw ECDSA-SHA384 signatures.
 */
final class Pki {
    static final String SIGNATURE_ALGORITHM = "SHA384withECDSA";
    private static final ASN1ObjectIdentifier CURVE = SECObjectIdentifiers.secp384r1;

    private Pki() {
    }

    static AsymmetricCipherKeyPair newKeyPair(SecureRandom random) {
        X9ECParameters x9 = CustomNamedCurves.getByOID(CURVE);
        // Named (not explicit) parameters: verifiers such as openssl reject explicit curve parameters.
        ECDomainParameters domain = new ECNamedDomainParameters(CURVE, x9);
        ECKeyPairGenerator gen = new ECKeyPairGenerator();
        gen.init(new ECKeyGenerationParameters(domain, random));
        return gen.generateKeyPair();
    }

    /**
     * Issues a certificate. {@code ca} certificates may sign others; the rest may only sign data.
     * The subject key identifier lets verifiers (openssl included) find the issuer.
     */
    static X509CertificateHolder issue(X500Name issuer, AsymmetricKeyParameter issuerKey, SubjectPublicKeyInfo issuerPublic,
                                       X500Name subject, SubjectPublicKeyInfo subjectPublic, boolean ca,
                                       long notBeforeMillis, long notAfterMillis, SecureRandom random) {
        try {
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, new BigInteger(64, random).add(BigInteger.ONE),
                    new Date(notBeforeMillis), new Date(notAfterMillis), subject, subjectPublic);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature
                    : KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectPublic));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerPublic));
            return b.build(signer(issuerKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ContentSigner signer(AsymmetricKeyParameter key) {
        AlgorithmIdentifier sig = new DefaultSignatureAlgorithmIdentifierFinder().find(SIGNATURE_ALGORITHM);
        AlgorithmIdentifier dig = new DefaultDigestAlgorithmIdentifierFinder().find(sig);
        try {
            return new BcECContentSignerBuilder(sig, dig).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("ECDSA signer unavailable", e);
        }
    }

    /** Whether {@code cert} carries a valid signature by {@code issuer}'s key. */
    static boolean signedBy(X509CertificateHolder cert, X509CertificateHolder issuer) {
        try {
            return cert.isSignatureValid(new BcECContentVerifierProviderBuilder(new DefaultDigestAlgorithmIdentifierFinder())
                    .build(issuer));
        } catch (Exception e) {
            return false;
        }
    }

    static byte[] sign(AsymmetricKeyParameter privateKey, byte[] data) {
        DSADigestSigner s = new DSADigestSigner(new ECDSASigner(), new SHA384Digest());
        s.init(true, privateKey);
        s.update(data, 0, data.length);
        return s.generateSignature();
    }

    static boolean verify(SubjectPublicKeyInfo publicKey, byte[] data, byte[] signature) {
        try {
            DSADigestSigner s = new DSADigestSigner(new ECDSASigner(), new SHA384Digest());
            s.init(false, PublicKeyFactory.createKey(publicKey));
            s.update(data, 0, data.length);
            return s.verifySignature(signature);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static SubjectPublicKeyInfo publicInfo(AsymmetricCipherKeyPair pair) {
        return publicInfo((ECPublicKeyParameters) pair.getPublic());
    }

    static SubjectPublicKeyInfo publicInfo(ECPublicKeyParameters key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encodePrivate(AsymmetricKeyParameter key) {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ECPrivateKeyParameters decodePrivate(byte[] der) {
        try {
            return (ECPrivateKeyParameters) PrivateKeyFactory.createKey(der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509CertificateHolder decodeCertificate(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
