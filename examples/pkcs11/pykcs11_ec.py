#!/usr/bin/env python3
"""PyKCS11: an EC key pair in HSM Key Console's simulated cluster, signed with, verified (docs/pkcs11.md).

Run after: eval "$(bin/cloudhsm_client pkcs11-env)"   (Debian: apt-get install python3-pykcs11)
Generates a P-256 pair and signs a SHA-256 hash with CKM_ECDSA (PKCS#11's r || s): Debian's p11-kit
0.24.1 client carries CKM_ECDSA but not CKM_ECDSA_SHA256 (0.25 does), so the hash is made here.
"""
import hashlib
import os

import PyKCS11
from PyKCS11.LowLevel import (CKA_CLASS, CKA_EC_PARAMS, CKA_EC_POINT, CKA_KEY_TYPE, CKA_LABEL, CKA_SIGN, CKA_TOKEN,
                              CKA_VERIFY, CKK_EC, CKM_EC_KEY_PAIR_GEN, CKM_ECDSA, CKO_PRIVATE_KEY,
                              CKO_PUBLIC_KEY)

P256 = bytes.fromhex("06082a8648ce3d030107")  # the DER OID of prime256v1, PKCS#11's CKA_EC_PARAMS

pkcs11 = PyKCS11.PyKCS11Lib()
pkcs11.load(os.environ["HSM_CONSOLE_PKCS11_MODULE"])
slot = pkcs11.getSlotList(tokenPresent=True)[0]
session = pkcs11.openSession(slot, PyKCS11.CKF_SERIAL_SESSION | PyKCS11.CKF_RW_SESSION)
session.login("example_user:example_pwd")  # CloudHSM's PIN: <crypto user>:<password>

public, private = session.generateKeyPair(
    [(CKA_CLASS, CKO_PUBLIC_KEY), (CKA_KEY_TYPE, CKK_EC), (CKA_EC_PARAMS, P256), (CKA_TOKEN, True),
     (CKA_VERIFY, True), (CKA_LABEL, "py-ec")],
    [(CKA_CLASS, CKO_PRIVATE_KEY), (CKA_KEY_TYPE, CKK_EC), (CKA_TOKEN, True), (CKA_SIGN, True),
     (CKA_LABEL, "py-ec")],
    mecha=PyKCS11.Mechanism(CKM_EC_KEY_PAIR_GEN))
point, params = session.getAttributeValue(public, [CKA_EC_POINT, CKA_EC_PARAMS])
assert bytes(params) == P256

digest = hashlib.sha256(b"Pay 100 to carol").digest()
signature = bytes(session.sign(private, digest, PyKCS11.Mechanism(CKM_ECDSA)))
assert len(signature) == 64  # r || s, 32 bytes each on P-256
assert session.verify(public, digest, signature, PyKCS11.Mechanism(CKM_ECDSA))
assert not session.verify(public, hashlib.sha256(b"Pay 900 to carol").digest(), signature, PyKCS11.Mechanism(CKM_ECDSA))
print("ECDSA over SHA-256:", signature.hex())
print("EC point:", bytes(point).hex())
session.logout()
