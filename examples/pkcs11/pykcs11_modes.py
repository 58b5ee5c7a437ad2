#!/usr/bin/env python3
"""PyKCS11: the AES and 3DES modes with parameters, and AES-CMAC (docs/pkcs11.md).

Run after: eval "$(bin/cloudhsm_client pkcs11-env)" and, on Debian bookworm (p11-kit 0.24.1),
            export HSM_CONSOLE_PKCS11_MODULE="$(scripts/p11-kit-client.sh)"   (p11-kit 0.25.5's client)
Mechanism parameters (an IV, CK_AES_CTR_PARAMS, CK_GCM_PARAMS) reach the HSM only through p11-kit 0.25 or
newer on the application's side; Debian bookworm's 0.24.1 refuses these mechanisms itself.

Each mode is checked against the HSM's own AES-ECB / 3DES-ECB with the same key, so the chaining is
verified without the key leaving the HSM: CBC's first block is ECB(plain XOR IV), CTR's keystream is ECB
of the counter blocks. AES-GCM follows CloudHSM: the application passes 12 zero bytes as the IV, the HSM
makes the IV, and (p11-kit carries parameters one way only) returns it in front of the ciphertext.
"""
import os
import struct

import PyKCS11
from PyKCS11.LowLevel import (CKA_CLASS, CKA_DECRYPT, CKA_ENCRYPT, CKA_KEY_TYPE, CKA_LABEL, CKA_SIGN, CKA_TOKEN,
                              CKA_VALUE_LEN, CKA_VERIFY, CKK_AES, CKK_DES3, CKM_AES_CBC, CKM_AES_CBC_PAD,
                              CKM_AES_CMAC, CKM_AES_CTR, CKM_AES_ECB, CKM_AES_KEY_GEN, CKM_DES3_CBC,
                              CKM_DES3_CBC_PAD, CKM_DES3_ECB, CKM_DES3_KEY_GEN, CKO_SECRET_KEY)

pkcs11 = PyKCS11.PyKCS11Lib()
pkcs11.load(os.environ["HSM_CONSOLE_PKCS11_MODULE"])
slot = pkcs11.getSlotList(tokenPresent=True)[0]
session = pkcs11.openSession(slot, PyKCS11.CKF_SERIAL_SESSION | PyKCS11.CKF_RW_SESSION)
session.login("example_user:example_pwd")  # CloudHSM's PIN: <crypto user>:<password>


def key(label, key_type, mechanism, size=None):
    template = [(CKA_CLASS, CKO_SECRET_KEY), (CKA_KEY_TYPE, key_type), (CKA_LABEL, label), (CKA_TOKEN, True),
                (CKA_ENCRYPT, True), (CKA_DECRYPT, True), (CKA_SIGN, True), (CKA_VERIFY, True)]
    if size:
        template.append((CKA_VALUE_LEN, size))
    return session.generateKey(template, mecha=PyKCS11.Mechanism(mechanism))


def xor(a, b):
    return bytes(x ^ y for x, y in zip(a, b))


def enc(k, data, mechanism):
    return bytes(session.encrypt(k, data, mechanism))


def dec(k, data, mechanism):
    return bytes(session.decrypt(k, data, mechanism))


aes = key("py-modes-aes", CKK_AES, CKM_AES_KEY_GEN, 32)
ecb = PyKCS11.Mechanism(CKM_AES_ECB)
iv = bytes(range(16))
plain = b"thirty-two bytes of plain text!!"

cbc = enc(aes, plain, PyKCS11.Mechanism(CKM_AES_CBC, iv))
assert cbc[:16] == enc(aes, xor(plain[:16], iv), ecb), "CBC block 1 is ECB(P1 xor IV)"
assert cbc[16:] == enc(aes, xor(plain[16:], cbc[:16]), ecb), "CBC block 2 is ECB(P2 xor C1)"
assert dec(aes, cbc, PyKCS11.Mechanism(CKM_AES_CBC, iv)) == plain
print("AES-CBC:", cbc.hex())

odd = b"not a whole number of blocks"
padded = enc(aes, odd, PyKCS11.Mechanism(CKM_AES_CBC_PAD, iv))
assert len(padded) == 32, len(padded)
assert padded == enc(aes, odd + bytes([4]) * 4, PyKCS11.Mechanism(CKM_AES_CBC, iv)), "PKCS#7 padding"
assert dec(aes, padded, PyKCS11.Mechanism(CKM_AES_CBC_PAD, iv)) == odd
print("AES-CBC-PAD:", padded.hex())

counter = bytes(15) + b"\x01"
ctr_params = struct.pack("@L", 128) + counter  # CK_AES_CTR_PARAMS: ulCounterBits, cb[16]
ctr = enc(aes, odd, PyKCS11.Mechanism(CKM_AES_CTR, ctr_params))
stream = enc(aes, counter + bytes(15) + b"\x02", ecb)
assert ctr == xor(odd, stream), "CTR is plain xor ECB(counter), ECB(counter + 1)"
assert dec(aes, ctr, PyKCS11.Mechanism(CKM_AES_CTR, ctr_params)) == odd
print("AES-CTR:", ctr.hex())

aad = b"header"
sealed = enc(aes, odd, PyKCS11.AES_GCM_Mechanism(bytes(12), aad, 128))
hsm_iv, body = sealed[:12], sealed[12:]
assert hsm_iv != bytes(12) and len(body) == len(odd) + 16
assert sealed != enc(aes, odd, PyKCS11.AES_GCM_Mechanism(bytes(12), aad, 128)), "a new IV every time"
assert dec(aes, body, PyKCS11.AES_GCM_Mechanism(hsm_iv, aad, 128)) == odd
try:
    dec(aes, body, PyKCS11.AES_GCM_Mechanism(hsm_iv, b"other", 128))
    raise AssertionError("GCM accepted the wrong AAD")
except PyKCS11.PyKCS11Error as e:
    assert e.value == PyKCS11.CKR_ENCRYPTED_DATA_INVALID, e
try:
    enc(aes, odd, PyKCS11.AES_GCM_Mechanism(bytes(range(12)), aad, 128))
    raise AssertionError("GCM accepted an IV from the application")
except PyKCS11.PyKCS11Error as e:
    assert e.value == PyKCS11.CKR_MECHANISM_PARAM_INVALID, e
print("AES-GCM: HSM IV", hsm_iv.hex(), "ciphertext and tag", body.hex())

mac = bytes(session.sign(aes, plain, PyKCS11.Mechanism(CKM_AES_CMAC)))
assert len(mac) == 16
assert session.verify(aes, plain, mac, PyKCS11.Mechanism(CKM_AES_CMAC))
assert not session.verify(aes, plain + b"!", mac, PyKCS11.Mechanism(CKM_AES_CMAC))
print("AES-CMAC:", mac.hex())

des3 = key("py-modes-3des", CKK_DES3, CKM_DES3_KEY_GEN)
iv8 = bytes(range(8))
eight = plain[:16]
des_ecb = enc(des3, eight, PyKCS11.Mechanism(CKM_DES3_ECB))
des_cbc = enc(des3, eight, PyKCS11.Mechanism(CKM_DES3_CBC, iv8))
assert des_cbc[:8] == enc(des3, xor(eight[:8], iv8), PyKCS11.Mechanism(CKM_DES3_ECB))
assert dec(des3, des_ecb, PyKCS11.Mechanism(CKM_DES3_ECB)) == eight
assert dec(des3, des_cbc, PyKCS11.Mechanism(CKM_DES3_CBC, iv8)) == eight
des_pad = enc(des3, odd, PyKCS11.Mechanism(CKM_DES3_CBC_PAD, iv8))
assert len(des_pad) == 32 and dec(des3, des_pad, PyKCS11.Mechanism(CKM_DES3_CBC_PAD, iv8)) == odd
print("3DES-ECB/CBC/CBC-PAD:", des_cbc.hex())

session.logout()
session.closeSession()
