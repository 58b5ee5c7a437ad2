package io.hsmconsole.hsm.ec;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/** Outside judges of a DER ECDSA signature over SHA-256 of a message: the JDK's SunEC and plain openssl. */
final class EcSignatureJudges {
    private EcSignatureJudges() {
    }

    /** The JDK's verdict ({@code SHA256withECDSA}; this JDK 17 knows P-256, P-384 and P-521). */
    static boolean jdkVerifies(AsymmetricKeyParameter publicKey, byte[] message, byte[] der) throws Exception {
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded()));
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(key);
        jdk.update(message);
        return jdk.verify(der);
    }

    /** {@code openssl dgst -sha256 -verify} must say "Verified OK" (files written in {@code dir}). */
    static void assertOpensslVerifies(Path dir, AsymmetricKeyParameter publicKey, byte[] message, byte[] der, String what)
            throws Exception {
        Files.write(dir.resolve("message"), message);
        Files.write(dir.resolve("signature"), der);
        Files.write(dir.resolve("public.der"), SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded());
        Process openssl = new ProcessBuilder("openssl", "dgst", "-sha256", "-keyform", "DER", "-verify", "public.der",
                "-signature", "signature", "message").directory(dir.toFile()).redirectErrorStream(true).start();
        String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as("openssl on %s: %s", what, said).isZero();
        assertThat(said).contains("Verified OK");
    }
}
