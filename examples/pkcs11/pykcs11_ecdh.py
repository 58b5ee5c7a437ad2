#!/usr/bin/env python3
"""PyKCS11: ECDH key agreement with an HSM key in HSM Key Console's simulated cluster (docs/pkcs11.md).

Run after: eval "$(bin/cloudhsm_client pkcs11-env)" with p11-kit 0.25's client (scripts/p11-kit-client.sh):
bookworm's 0.24.1 cannot carry CK_ECDH1_DERIVE_PARAMS.

    pykcs11_ecdh.py PEER.der HSM_PUBLIC.der

Makes a P-256 pair whose private key may derive, writes its public key (DER SubjectPublicKeyInfo) to
HSM_PUBLIC.der, derives an AES-256 key from it and the other party's public key PEER.der (CKM_ECDH1_DERIVE,
CKD_NULL: the key is the shared secret) and prints that key's AES-ECB encryption of a zero block, which
anyone holding the other party's private key can reproduce (openssl pkeyutl -derive).
"""
import os
import sys

import PyKCS11
from PyKCS11.LowLevel import (CKA_CLASS, CKA_DERIVE, CKA_EC_PARAMS, CKA_EC_POINT, CKA_ENCRYPT, CKA_KEY_TYPE,
                              CKA_LABEL, CKA_TOKEN, CKA_VALUE_LEN, CKK_AES, CKK_EC, CKM_AES_ECB, CKM_EC_KEY_PAIR_GEN,
                              CKO_PRIVATE_KEY, CKO_PUBLIC_KEY, CKO_SECRET_KEY)

P256 = bytes.fromhex("06082a8648ce3d030107")  # the DER OID of prime256v1, PKCS#11's CKA_EC_PARAMS
SPKI_P256 = bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d030107034200")  # SubjectPublicKeyInfo up to the point

peer_der = open(sys.argv[1], "rb").read()
peer_point = peer_der[-65:]  # a P-256 SubjectPublicKeyInfo ends with the uncompressed point 04 || X || Y
assert peer_der.startswith(SPKI_P256) and peer_point[0] == 4

pkcs11 = PyKCS11.PyKCS11Lib()
pkcs11.load(os.environ["HSM_CONSOLE_PKCS11_MODULE"])
slot = pkcs11.getSlotList(tokenPresent=True)[0]
session = pkcs11.openSession(slot, PyKCS11.CKF_SERIAL_SESSION | PyKCS11.CKF_RW_SESSION)
session.login("example_user:example_pwd")  # CloudHSM's PIN: <crypto user>:<password>

public, private = session.generateKeyPair(
    [(CKA_CLASS, CKO_PUBLIC_KEY), (CKA_KEY_TYPE, CKK_EC), (CKA_EC_PARAMS, P256), (CKA_TOKEN, True),
     (CKA_LABEL, "py-ecdh")],
    [(CKA_CLASS, CKO_PRIVATE_KEY), (CKA_KEY_TYPE, CKK_EC), (CKA_TOKEN, True), (CKA_DERIVE, True),
     (CKA_LABEL, "py-ecdh")],
    mecha=PyKCS11.Mechanism(CKM_EC_KEY_PAIR_GEN))
point = bytes(session.getAttributeValue(public, [CKA_EC_POINT])[0])[2:]  # CKA_EC_POINT is a DER OCTET STRING
with open(sys.argv[2], "wb") as out:
    out.write(SPKI_P256 + point)

shared = session.deriveKey(private, [(CKA_CLASS, CKO_SECRET_KEY), (CKA_KEY_TYPE, CKK_AES), (CKA_VALUE_LEN, 32),
                                     (CKA_LABEL, "py-ecdh-aes"), (CKA_ENCRYPT, True)],
                           PyKCS11.ECDH1_DERIVE_Mechanism(peer_point))
print("AES-ECB of a zero block under the shared key:",
      bytes(session.encrypt(shared, bytes(16), PyKCS11.Mechanism(CKM_AES_ECB))).hex())
session.logout()
