#!/usr/bin/env python3
"""PyKCS11 against HSM Key Console's PKCS#11 endpoint (docs/pkcs11.md).

Run after: eval "$(bin/cloudhsm_client pkcs11-env)"   (Debian: apt-get install python3-pykcs11)
Opens a session, logs in as a crypto user, makes an AES key and an HMAC key in the simulated
cluster, encrypts and decrypts with AES-ECB, signs and verifies with HMAC-SHA256.
"""
import os

import PyKCS11
from PyKCS11.LowLevel import (CKA_CLASS, CKA_DECRYPT, CKA_ENCRYPT, CKA_KEY_TYPE, CKA_LABEL, CKA_SIGN, CKA_TOKEN,
                              CKA_VALUE_LEN, CKA_VERIFY, CKK_AES, CKK_GENERIC_SECRET, CKM_AES_ECB, CKM_AES_KEY_GEN,
                              CKM_GENERIC_SECRET_KEY_GEN, CKM_SHA256_HMAC, CKO_SECRET_KEY)

pkcs11 = PyKCS11.PyKCS11Lib()
pkcs11.load(os.environ["HSM_CONSOLE_PKCS11_MODULE"])
slot = pkcs11.getSlotList(tokenPresent=True)[0]
print("token:", pkcs11.getTokenInfo(slot).label.strip())

session = pkcs11.openSession(slot, PyKCS11.CKF_SERIAL_SESSION | PyKCS11.CKF_RW_SESSION)
session.login("example_user:example_pwd")  # CloudHSM's PIN: <crypto user>:<password>

aes = session.generateKey([(CKA_CLASS, CKO_SECRET_KEY), (CKA_KEY_TYPE, CKK_AES), (CKA_VALUE_LEN, 32),
                           (CKA_LABEL, "py-aes"), (CKA_TOKEN, True), (CKA_ENCRYPT, True), (CKA_DECRYPT, True)],
                          mecha=PyKCS11.Mechanism(CKM_AES_KEY_GEN))
plain = b"sixteen byte blk" * 2  # ECB takes whole 16-byte blocks
cipher = bytes(session.encrypt(aes, plain, PyKCS11.Mechanism(CKM_AES_ECB)))
assert bytes(session.decrypt(aes, cipher, PyKCS11.Mechanism(CKM_AES_ECB))) == plain
print("AES-ECB round trip:", cipher.hex())

mac_key = session.generateKey([(CKA_CLASS, CKO_SECRET_KEY), (CKA_KEY_TYPE, CKK_GENERIC_SECRET), (CKA_VALUE_LEN, 32),
                               (CKA_LABEL, "py-hmac"), (CKA_TOKEN, True), (CKA_SIGN, True), (CKA_VERIFY, True)],
                              mecha=PyKCS11.Mechanism(CKM_GENERIC_SECRET_KEY_GEN))
message = b"Pay 100 to carol"
signature = bytes(session.sign(mac_key, message, PyKCS11.Mechanism(CKM_SHA256_HMAC)))
assert session.verify(mac_key, message, signature, PyKCS11.Mechanism(CKM_SHA256_HMAC))
assert not session.verify(mac_key, b"Pay 900 to carol", signature, PyKCS11.Mechanism(CKM_SHA256_HMAC))
print("HMAC-SHA256:", signature.hex())

session.logout()
session.closeSession()
