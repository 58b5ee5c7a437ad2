import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * JCA AES/CBC/PKCS5Padding through SunPKCS11 to HSM Key Console (docs/pkcs11.md); needs p11-kit 0.25 or
 * newer as the module (scripts/p11-kit-client.sh on Debian bookworm), as the IV is a mechanism parameter.
 * java -Dhsm.console.pkcs11.module=... JcaModesExample.java sunpkcs11.cfg
 */
public class JcaModesExample {
    public static void main(String[] args) throws Exception {
        Provider hsm = Security.getProvider("SunPKCS11").configure(args[0]);
        KeyStore token = KeyStore.getInstance("PKCS11", hsm);
        token.load(null, "example_user:example_pwd".toCharArray()); // logs in: <crypto user>:<password>
        KeyGenerator generator = KeyGenerator.getInstance("AES", hsm);
        generator.init(256);
        SecretKey key = generator.generateKey(); // a session key inside the HSM

        byte[] plain = "not a whole number of blocks".getBytes(StandardCharsets.US_ASCII);
        Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding", hsm);
        cbc.init(Cipher.ENCRYPT_MODE, key);                      // the JDK picks a random IV
        byte[] cipher = cbc.doFinal(plain);
        cbc.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(cbc.getIV()));
        if (!Arrays.equals(cbc.doFinal(cipher), plain)) {
            throw new IllegalStateException("AES-CBC round trip failed");
        }
        System.out.println("AES-CBC-PAD round trip: " + HexFormat.of().formatHex(cipher));

        // AES-GCM: CloudHSM makes the IV, which SunPKCS11 has no way to learn; and JDK 17 passes a
        // CK_GCM_PARAMS that p11-kit's client does not accept. Shown, not relied on (docs/pkcs11.md).
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", hsm);
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
            System.out.println("AES-GCM through SunPKCS11: " + gcm.doFinal(plain).length + " bytes");
        } catch (Exception e) {
            System.out.println("AES-GCM through SunPKCS11 refused: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
    }
}
