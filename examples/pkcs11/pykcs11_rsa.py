#!/usr/bin/env python3
"""PyKCS11: RSA encryption and RSA key wrapping in HSM Key Console's simulated cluster (docs/pkcs11.md).

Run after: eval "$(bin/cloudhsm_client pkcs11-env)"   (Debian: apt-get install python3-pykcs11)
Makes an RSA-2048 pair, encrypts to its public key and decrypts with its private key (PKCS#1 v1.5 and
OAEP with SHA-256), then wraps an AES key under the public key with OAEP and unwraps it with the
private key: the unwrapped key encrypts exactly as the original. Every p11-kit client carries these.
"""
import os

import PyKCS11
from PyKCS11.LowLevel import (CKA_CLASS, CKA_PRIVATE, CKA_DECRYPT, CKA_ENCRYPT, CKA_EXTRACTABLE, CKA_KEY_TYPE, CKA_LABEL,
                              CKA_MODULUS_BITS, CKA_PUBLIC_EXPONENT, CKA_TOKEN, CKA_UNWRAP, CKA_VALUE_LEN, CKA_WRAP,
                              CKG_MGF1_SHA256, CKK_AES, CKK_RSA, CKM_AES_ECB, CKM_AES_KEY_GEN, CKM_RSA_PKCS,
                              CKM_RSA_PKCS_KEY_PAIR_GEN, CKM_SHA256, CKO_PRIVATE_KEY, CKO_PUBLIC_KEY, CKO_SECRET_KEY)

pkcs11 = PyKCS11.PyKCS11Lib()
pkcs11.load(os.environ["HSM_CONSOLE_PKCS11_MODULE"])
slot = pkcs11.getSlotList(tokenPresent=True)[0]
session = pkcs11.openSession(slot, PyKCS11.CKF_SERIAL_SESSION | PyKCS11.CKF_RW_SESSION)
session.login("example_user:example_pwd")  # CloudHSM's PIN: <crypto user>:<password>

public, private = session.generateKeyPair(
    [(CKA_CLASS, CKO_PUBLIC_KEY), (CKA_KEY_TYPE, CKK_RSA), (CKA_MODULUS_BITS, 2048),
     (CKA_PUBLIC_EXPONENT, (0x01, 0x00, 0x01)), (CKA_TOKEN, True), (CKA_ENCRYPT, True), (CKA_WRAP, True),
     (CKA_LABEL, "py-rsa")],
    [(CKA_CLASS, CKO_PRIVATE_KEY), (CKA_KEY_TYPE, CKK_RSA), (CKA_TOKEN, True), (CKA_DECRYPT, True),
     (CKA_UNWRAP, True), (CKA_LABEL, "py-rsa")],
    mecha=PyKCS11.Mechanism(CKM_RSA_PKCS_KEY_PAIR_GEN))

# CloudHSM answers CKA_PRIVATE true for every key, public keys included (no public sessions)
assert session.getAttributeValue(public, [CKA_PRIVATE])[0] in (True, 1)
print("public key CKA_PRIVATE:", session.getAttributeValue(public, [CKA_PRIVATE])[0])
oaep = PyKCS11.RSAOAEPMechanism(CKM_SHA256, CKG_MGF1_SHA256)
message = b"Pay 100 to carol"
for name, mechanism in (("PKCS#1 v1.5", PyKCS11.Mechanism(CKM_RSA_PKCS)), ("OAEP-SHA256", oaep)):
    sealed = bytes(session.encrypt(public, message, mechanism))
    assert len(sealed) == 256 and sealed != message
    assert bytes(session.decrypt(private, sealed, mechanism)) == message
    print("RSA", name, "round trip: ok")

data_key = session.generateKey([(CKA_CLASS, CKO_SECRET_KEY), (CKA_KEY_TYPE, CKK_AES), (CKA_VALUE_LEN, 32),
                                (CKA_LABEL, "py-data-key"), (CKA_ENCRYPT, True), (CKA_EXTRACTABLE, True)],
                               mecha=PyKCS11.Mechanism(CKM_AES_KEY_GEN))
wrapped = bytes(session.wrapKey(public, data_key, oaep))
copy = session.unwrapKey(private, wrapped, [(CKA_CLASS, CKO_SECRET_KEY), (CKA_KEY_TYPE, CKK_AES),
                                            (CKA_LABEL, "py-unwrapped"), (CKA_TOKEN, True),
                                            (CKA_ENCRYPT, True)], oaep)
block = bytes(16)
ecb = PyKCS11.Mechanism(CKM_AES_ECB)
assert bytes(session.encrypt(copy, block, ecb)) == bytes(session.encrypt(data_key, block, ecb))
print("RSA-OAEP wrapped AES key:", len(wrapped), "bytes; unwrapped copy encrypts as the original")
session.logout()
