package io.hsmconsole.text.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.quorum.SignedApproval;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.quorum.TokenSignToken;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The token files of SDK 5's token-sign quorum, as quorum-auth-chsm-cli-admin.md and
 * quorum-auth-chsm-cli-first-time.md show them. A service token:
 * {@code {"version": "2.0", "approval_data": …, "token": …, "signatures": [{"username": …, "signature": …}]}};
 * a registration token: {@code {"version": "2.0", "tokens": [{"approval_data": …, "unsigned": …, "signed": …}]}}.
 * Every value is Base64; {@code token}/{@code unsigned} is the SHA-256 of the approval data, which each
 * approver signs with their RSA key ({@code openssl pkeyutl -sign -pkeyopt digest:sha256}).
 */
public final class CliTokenFile {
    public static final String VERSION = "2.0";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private CliTokenFile() {
    }

    /** A file the CLI cannot take as a signed token; the message says what is wrong with it. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** The unsigned token file {@code quorum token-sign generate} writes. */
    public static String write(TokenSignToken token) {
        ObjectNode root = CliJson.object();
        root.put("version", VERSION);
        if (token.service() == TokenSignService.REGISTRATION) {
            ObjectNode t = root.putArray("tokens").addObject();
            t.put("approval_data", B64.encodeToString(token.approvalData()));
            t.put("unsigned", B64.encodeToString(token.digest()));
            t.put("signed", "");
        } else {
            root.put("approval_data", B64.encodeToString(token.approvalData()));
            root.put("token", B64.encodeToString(token.digest()));
            root.putArray("signatures");
        }
        return CliJson.pretty(root) + "\n";
    }

    /** A signed service token file ({@code --approval}): the approval data, its token and each approver's signature. */
    public static SignedApproval readApproval(String path, byte[] file) throws Invalid {
        JsonNode root = json(path, file);
        List<SignedApproval.Signature> signatures = new ArrayList<>();
        JsonNode list = root.path("signatures");
        if (!list.isArray()) {
            throw invalid(path, "\"signatures\" must be a list of {\"username\": …, \"signature\": …}");
        }
        for (JsonNode s : list) {
            signatures.add(new SignedApproval.Signature(text(path, s, "username"), base64(path, s, "signature")));
        }
        return new SignedApproval(base64(path, root, "approval_data"), base64(path, root, "token"), signatures);
    }

    /** A signed registration token file ({@code --signed-token}): its one token and the signature. */
    public static SignedApproval readRegistration(String path, byte[] file) throws Invalid {
        JsonNode tokens = json(path, file).path("tokens");
        if (!tokens.isArray() || tokens.size() != 1) {
            throw invalid(path, "\"tokens\" must hold the one registration token quorum token-sign generate "
                    + "--service registration wrote");
        }
        JsonNode t = tokens.get(0);
        byte[] signature = base64(path, t, "signed");
        if (signature.length == 0) {
            throw invalid(path, "\"signed\" is empty; put the Base64 signature of \"unsigned\" there");
        }
        return new SignedApproval(base64(path, t, "approval_data"), base64(path, t, "unsigned"),
                List.of(new SignedApproval.Signature("", signature)));
    }

    private static JsonNode json(String path, byte[] file) throws Invalid {
        JsonNode root;
        try {
            root = MAPPER.readTree(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid(path, "it is not JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw invalid(path, "it is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid(path, "it is not a JSON object");
        }
        if (!VERSION.equals(root.path("version").asText(null))) {
            throw invalid(path, "\"version\" must be \"" + VERSION + "\"");
        }
        return root;
    }

    private static String text(String path, JsonNode node, String field) throws Invalid {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw invalid(path, "\"" + field + "\" is missing or not a string");
        }
        return v.asText();
    }

    private static byte[] base64(String path, JsonNode node, String field) throws Invalid {
        String value = text(path, node, field);
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(path, "\"" + field + "\" is not Base64");
        }
    }

    private static Invalid invalid(String path, String why) {
        return new Invalid(path + " is not a quorum token file: " + why);
    }
}
