package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.CipherMechanism;
import io.hsmconsole.hsm.key.CipherRequest;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.Mechanism;
import io.hsmconsole.pkcs11.rpc.RpcReader;

/**
 * A cipher mechanism's parameter as p11-kit 0.25 serialises it, read into the simulator's request:
 * the IV of CBC modes (one byte array), CK_AES_CTR_PARAMS (counter bits, counter block) and
 * CK_GCM_PARAMS (IV, IV bits, AAD, tag bits). Whether the values are acceptable is the simulator's
 * question; only a parameter that does not parse is refused here.
 */
final class CipherParameters {
    private CipherParameters() {
    }

    static CipherRequest read(CipherMechanism mode, Mechanism mechanism) {
        byte[] parameter = mechanism.parameter();
        try {
            return switch (mode) {
                case AES_ECB, DES3_ECB -> {
                    if (mechanism.hasParameter()) {
                        throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
                    }
                    yield CipherRequest.of(mode, null);
                }
                case AES_CTR -> {
                    RpcReader in = new RpcReader(parameter);
                    long counterBits = in.ulong();
                    byte[] block = in.byteArray();
                    in.end();
                    yield CipherRequest.ctr(block, (int) Math.min(counterBits, Integer.MAX_VALUE));
                }
                case AES_GCM -> {
                    RpcReader in = new RpcReader(parameter);
                    byte[] iv = in.byteArray();
                    in.ulong(); // ulIvBits: the IV's length already says it
                    byte[] aad = in.byteArray();
                    long tagBits = in.ulong();
                    in.end();
                    yield CipherRequest.gcm(iv == null ? new byte[0] : iv, aad, (int) Math.min(tagBits, Integer.MAX_VALUE));
                }
                default -> CipherRequest.of(mode, parameter == null ? new byte[0] : parameter);
            };
        } catch (MalformedMessage e) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
    }
}
