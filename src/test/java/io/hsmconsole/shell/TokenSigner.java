package io.hsmconsole.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A quorum approver of a golden transcript ({@code @@ sign-token FILE KEY [USERNAME]}): signs a
 * CloudHSM CLI token file the way the quorum pages do with OpenSSL ({@code openssl pkeyutl -sign
 * -pkeyopt digest:sha256} of the token, i.e. RSASSA-PKCS1-v1_5 with SHA-256 of the approval data),
 * with the JDK's own RSA, not the simulator's code. A registration token gets its {@code signed}
 * field; a service token gets {@code {"username": USERNAME, "signature": …}} appended.
 */
final class TokenSigner {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TokenSigner() {
    }

    static void sign(Path tokenFile, Path privateKeyPem, String username) throws IOException, GeneralSecurityException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(tokenFile.toFile());
        PrivateKey key = privateKey(privateKeyPem);
        if (root.has("tokens")) {
            ObjectNode token = (ObjectNode) root.get("tokens").get(0);
            token.put("signed", signature(key, token.get("approval_data").asText()));
        } else {
            ArrayNode signatures = (ArrayNode) root.get("signatures");
            signatures.addObject().put("username", username).put("signature", signature(key, root.get("approval_data").asText()));
        }
        Files.writeString(tokenFile, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static String signature(PrivateKey key, String approvalDataBase64) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(Base64.getDecoder().decode(approvalDataBase64));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String body = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
