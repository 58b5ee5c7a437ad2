package io.hsmconsole.pkcs11.rpc;

import java.util.Optional;

/**
 * The calls of p11-kit's RPC protocol version 0 (what Debian bookworm's p11-kit-client.so 0.24.1
 * speaks), in wire order, each with its request and response signature. Signature letters: y byte,
 * u ulong (8 bytes on the wire), s space-padded string, v version, z zero string, M mechanism,
 * ay / au / aA byte, ulong and attribute arrays, fy / fu / fA a buffer the caller has room for
 * (only its size travels).
 */
public enum RpcCall {
    ERROR(null, "u"),
    C_Initialize("ayyay", ""),
    C_Finalize("", ""),
    C_GetInfo("", "vsusv"),
    C_GetSlotList("yfu", "au"),
    C_GetSlotInfo("u", "ssuvv"),
    C_GetTokenInfo("u", "ssssuuuuuuuuuuuvvs"),
    C_GetMechanismList("ufu", "au"),
    C_GetMechanismInfo("uu", "uuu"),
    C_InitToken("uayz", ""),
    C_OpenSession("uu", "u"),
    C_CloseSession("u", ""),
    C_CloseAllSessions("u", ""),
    C_GetSessionInfo("u", "uuuu"),
    C_InitPIN("uay", ""),
    C_SetPIN("uayay", ""),
    C_GetOperationState("ufy", "ay"),
    C_SetOperationState("uayuu", ""),
    C_Login("uuay", ""),
    C_Logout("u", ""),
    C_CreateObject("uaA", "u"),
    C_CopyObject("uuaA", "u"),
    C_DestroyObject("uu", ""),
    C_GetObjectSize("uu", "u"),
    C_GetAttributeValue("uufA", "aAu"),
    C_SetAttributeValue("uuaA", ""),
    C_FindObjectsInit("uaA", ""),
    C_FindObjects("ufu", "au"),
    C_FindObjectsFinal("u", ""),
    C_EncryptInit("uMu", ""),
    C_Encrypt("uayfy", "ay"),
    C_EncryptUpdate("uayfy", "ay"),
    C_EncryptFinal("ufy", "ay"),
    C_DecryptInit("uMu", ""),
    C_Decrypt("uayfy", "ay"),
    C_DecryptUpdate("uayfy", "ay"),
    C_DecryptFinal("ufy", "ay"),
    C_DigestInit("uM", ""),
    C_Digest("uayfy", "ay"),
    C_DigestUpdate("uay", ""),
    C_DigestKey("uu", ""),
    C_DigestFinal("ufy", "ay"),
    C_SignInit("uMu", ""),
    C_Sign("uayfy", "ay"),
    C_SignUpdate("uay", ""),
    C_SignFinal("ufy", "ay"),
    C_SignRecoverInit("uMu", ""),
    C_SignRecover("uayfy", "ay"),
    C_VerifyInit("uMu", ""),
    C_Verify("uayay", ""),
    C_VerifyUpdate("uay", ""),
    C_VerifyFinal("uay", ""),
    C_VerifyRecoverInit("uMu", ""),
    C_VerifyRecover("uayfy", "ay"),
    C_DigestEncryptUpdate("uayfy", "ay"),
    C_DecryptDigestUpdate("uayfy", "ay"),
    C_SignEncryptUpdate("uayfy", "ay"),
    C_DecryptVerifyUpdate("uayfy", "ay"),
    C_GenerateKey("uMaA", "u"),
    C_GenerateKeyPair("uMaAaA", "uu"),
    C_WrapKey("uMuufy", "ay"),
    C_UnwrapKey("uMuayaA", "u"),
    C_DeriveKey("uMuaA", "u"),
    C_SeedRandom("uay", ""),
    C_GenerateRandom("ufy", "ay"),
    C_WaitForSlotEvent("u", "u");

    private final String request;
    private final String response;

    RpcCall(String request, String response) {
        this.request = request;
        this.response = response;
    }

    /** The call's number on the wire (its position: the protocol numbers calls in this order). */
    public int id() {
        return ordinal();
    }

    public String requestSignature() {
        return request;
    }

    public String responseSignature() {
        return response;
    }

    /** The call a request names; ERROR and unknown numbers are not requests. */
    public static Optional<RpcCall> request(long id) {
        RpcCall[] all = values();
        if (id <= 0 || id >= all.length) {
            return Optional.empty();
        }
        return Optional.of(all[(int) id]);
    }
}
