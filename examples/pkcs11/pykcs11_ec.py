#!/usr/bin/env python3
"""PyKCS11: an EC key pair in HSM Key Console's simulated cluster, signed with, verified (docs/pkcs11.md).

Run after: eval "$(bin/cloudhsm_client pkcs11-env)"   (Debian: apt-get install python3-pykcs11)
Generates a P-256 pair, signs with CKM_ECDSA_SHA256 (PKCS#11's r || s), verifies on the HSM, and
writes the public key's point and the signature so another tool can check them too.
"""
import os
import sys

import PyKCS11
from PyKCS11.LowLevel import (CKA_CLASS, CKA_EC_PARAMS, CKA_EC_POINT, CKA_KEY_TYPE, CKA_LABEL, CKA_SIGN, CKA_TOKEN,
                              CKA_VERIFY, CKK_EC, CKM_EC_KEY_PAIR_GEN, CKM_ECDSA_SHA256, CKO_PRIVATE_KEY,
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

message = b"Pay 100 to carol"
signature = bytes(session.sign(private, message, PyKCS11.Mechanism(CKM_ECDSA_SHA256)))
assert len(signature) == 64  # r || s, 32 bytes each on P-256
assert session.verify(public, message, signature, PyKCS11.Mechanism(CKM_ECDSA_SHA256))
assert not session.verify(public, b"Pay 900 to carol", signature, PyKCS11.Mechanism(CKM_ECDSA_SHA256))
print("ECDSA-SHA256:", signature.hex())
print("EC point:", bytes(point).hex())
if len(sys.argv) > 1:
    with open(sys.argv[1], "wb") as out:
        out.write(signature)
session.logout()
