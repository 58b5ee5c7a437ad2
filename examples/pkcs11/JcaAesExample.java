import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/** JCA through SunPKCS11 to HSM Key Console (docs/pkcs11.md): java -Dhsm.console.pkcs11.module=... JcaAesExample.java sunpkcs11.cfg */
public class JcaAesExample {
    public static void main(String[] args) throws Exception {
        Provider hsm = Security.getProvider("SunPKCS11").configure(args[0]);
        KeyStore token = KeyStore.getInstance("PKCS11", hsm);
        token.load(null, "example_user:example_pwd".toCharArray()); // logs in: <crypto user>:<password>
        System.out.println("keys: " + Collections.list(token.aliases()));

        KeyGenerator generator = KeyGenerator.getInstance("AES", hsm);
        generator.init(256);
        SecretKey key = generator.generateKey(); // a session key inside the HSM
        byte[] plain = "sixteen byte blk".repeat(2).getBytes(StandardCharsets.US_ASCII);
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding", hsm);
        aes.init(Cipher.ENCRYPT_MODE, key);
        byte[] cipher = aes.doFinal(plain);
        aes.init(Cipher.DECRYPT_MODE, key);
        if (!Arrays.equals(aes.doFinal(cipher), plain)) {
            throw new IllegalStateException("AES round trip failed");
        }
        System.out.println("AES-ECB round trip: " + HexFormat.of().formatHex(cipher));
    }
}
