import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.nio.charset.StandardCharsets;

/**
 * An EC key pair made in HSM Key Console's simulated cluster through the JDK's SunPKCS11, a
 * SHA256withECDSA signature made by the HSM, checked by the JDK's own provider with the public key
 * read back (docs/pkcs11.md). Run after: eval "$(bin/cloudhsm_client pkcs11-env)", then
 *   java -Dhsm.console.pkcs11.module="$HSM_CONSOLE_PKCS11_MODULE" examples/pkcs11/JcaEcSignExample.java examples/pkcs11/sunpkcs11.cfg
 */
public class JcaEcSignExample {
    public static void main(String[] args) throws Exception {
        Provider hsm = Security.getProvider("SunPKCS11").configure(args[0]);
        KeyStore token = KeyStore.getInstance("PKCS11", hsm);
        token.load(null, "example_user:example_pwd".toCharArray()); // CloudHSM's PIN: <crypto user>:<password>

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", hsm);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();

        byte[] message = "Pay 100 to carol".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA", hsm);
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();

        // The JDK's own provider, with only the public key's encoding: no HSM involved in the check.
        PublicKey outside = KeyFactory.getInstance("EC", "SunEC")
                .generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
        Signature verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
        verifier.initVerify(outside);
        verifier.update(message);
        System.out.println("JDK verifies the HSM's signature: " + verifier.verify(signature));
        verifier.initVerify(outside);
        verifier.update("Pay 900 to carol".getBytes(StandardCharsets.UTF_8));
        System.out.println("JDK verifies a changed message: " + verifier.verify(signature));
    }
}
