package io.hsmconsole.service;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside judges of ECDSA on the daemon's precomputed nonces: PyKCS11 signs 2,000 messages through
 * p11-kit's client with one P-256 key (past the first 256, signatures take nonces made ahead on the
 * daemon's refill thread), the JDK verifies every one, no two share an r, and plain openssl verifies the
 * last ones. Needs python3-pykcs11 and openssl (.ci/run installs them).
 */
class Pkcs11EcdsaNoncesIT extends WithRunningDaemon {
    private static final int SIGNATURES = 2_000;
    private static final String SCRIPT = """
            import hashlib, os, PyKCS11
            from PyKCS11.LowLevel import *
            lib = PyKCS11.PyKCS11Lib()
            lib.load(os.environ["HSM_CONSOLE_PKCS11_MODULE"])
            session = lib.openSession(lib.getSlotList(tokenPresent=True)[0], PyKCS11.CKF_SERIAL_SESSION | PyKCS11.CKF_RW_SESSION)
            session.login("example_user:example_pwd")
            public, private = session.generateKeyPair(
                [(CKA_CLASS, CKO_PUBLIC_KEY), (CKA_KEY_TYPE, CKK_EC), (CKA_EC_PARAMS, bytes.fromhex("06082a8648ce3d030107")),
                 (CKA_TOKEN, False), (CKA_VERIFY, True), (CKA_LABEL, "py-nonces")],
                [(CKA_CLASS, CKO_PRIVATE_KEY), (CKA_KEY_TYPE, CKK_EC), (CKA_TOKEN, False), (CKA_SIGN, True), (CKA_LABEL, "py-nonces")],
                mecha=PyKCS11.Mechanism(CKM_EC_KEY_PAIR_GEN))
            print("point", bytes(session.getAttributeValue(public, [CKA_EC_POINT])[0]).hex())
            for i in range(int(os.environ["COUNT"])):
                digest = hashlib.sha256(b"message %d" % i).digest()
                print("signature", bytes(session.sign(private, digest, PyKCS11.Mechanism(CKM_ECDSA))).hex())
            session.logout()
            """;

    @Test
    void pyKcs11SignsTwoThousandTimesAndEverySignatureVerifies() throws Exception {
        Path script = Files.writeString(temp.resolve("many_signatures.py"), SCRIPT);
        Launchers.Result py = launchers.sh(ENV + "\"$PYTHON\" " + script,
                Map.of("PYTHON", python(), "COUNT", Integer.toString(SIGNATURES)));
        assertThat(py.status()).as(py.stderr()).isZero();
        List<String> lines = py.stdout().lines().toList();
        assertThat(lines).hasSize(SIGNATURES + 1);
        byte[] point = ASN1OctetString.getInstance(HexFormat.of().parseHex(lines.get(0).substring("point ".length()))).getOctets();
        byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                X9ObjectIdentifiers.prime256v1), point).getEncoded();
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
        Path pem = Files.writeString(temp.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n");

        Set<BigInteger> rs = new HashSet<>();
        BigInteger n = NISTNamedCurves.getByName("P-256").getN();
        for (int i = 0; i < SIGNATURES; i++) {
            byte[] raw = HexFormat.of().parseHex(lines.get(i + 1).substring("signature ".length()));
            assertThat(raw).hasSize(64);
            byte[] message = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
            jdk.initVerify(key);
            jdk.update(message);
            assertThat(jdk.verify(raw)).as("the JDK verifies signature %d", i).isTrue();
            BigInteger r = new BigInteger(1, Arrays.copyOf(raw, 32));
            rs.add(r);
            if (i >= SIGNATURES - 5) {
                Path file = Files.write(temp.resolve("message-" + i), message);
                Path der = Files.write(temp.resolve("signature-" + i),
                        StandardDSAEncoding.INSTANCE.encode(n, r, new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))));
                Launchers.Result openssl = launchers.sh("openssl dgst -sha256 -verify " + pem + " -signature " + der + " " + file);
                assertThat(openssl.stdout()).as("openssl on signature %d: %s", i, openssl.stderr()).contains("Verified OK");
            }
        }
        assertThat(rs).as("a new r for every signature").hasSize(SIGNATURES);
    }
}
