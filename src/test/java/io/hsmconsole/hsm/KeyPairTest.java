package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.SignMechanism;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Key pairs in the simulator: the two objects and their attributes, the rules, sign/verify, import/export, quota. */
class KeyPairTest extends DemoClusterTest {
    private static final BigInteger F4 = BigInteger.valueOf(65537);
    private static final byte[] MESSAGE = "Pay 100 to carol".getBytes(StandardCharsets.US_ASCII);

    private static KeyOptions named(String label) {
        return KeyOptions.labelled(label);
    }

    private GeneratedPair rsa(int bits, KeyOptions o) {
        HsmResult<GeneratedPair> r = owner.pairs().generateKeyPair(KeyPairRequest.rsa(bits, F4, o), SyncObserver.NONE);
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        return r.value();
    }

    private GeneratedPair ec(int curve, KeyOptions o) {
        HsmResult<GeneratedPair> r = owner.pairs().generateKeyPair(KeyPairRequest.ec(curve, o), SyncObserver.NONE);
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        return r.value();
    }

    private Map<Attribute, String> dump(HsmSession s, long handle) {
        KeyAttributes a = s.attributes(handle).value();
        Map<Attribute, String> m = new LinkedHashMap<>();
        for (AttributeValue v : a.kmuDump()) {
            m.put(v.attribute(), v.text() != null ? v.text() : Long.toHexString(v.number()));
        }
        return m;
    }

    @Test
    void anRsaPairIsTwoObjectsWithThePagesAttributes() throws Exception {
        HsmResult<GeneratedPair> r = owner.pairs().generateKeyPair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65541),
                new KeyOptions("rsa_test", "", false, false, List.of(), 0, null, null, false)), SyncObserver.NONE);
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(r.nodes()).hasSize(3);
        GeneratedPair pair = r.value();
        assertThat(pair.publicHandle()).isNotEqualTo(pair.privateHandle());

        Map<Attribute, String> pub = dump(owner, pair.publicHandle());
        // key_mgmt_util-genRSAKeyPair.md's dump of the public key, attribute for attribute
        assertThat(pub.keySet()).containsExactly(Attribute.CLASS, Attribute.KEY_TYPE, Attribute.TOKEN, Attribute.PRIVATE,
                Attribute.ENCRYPT, Attribute.DECRYPT, Attribute.WRAP, Attribute.UNWRAP, Attribute.SIGN, Attribute.VERIFY,
                Attribute.LOCAL, Attribute.SENSITIVE, Attribute.EXTRACTABLE, Attribute.LABEL, Attribute.ID,
                Attribute.VALUE_LEN, Attribute.KCV, Attribute.MODULUS, Attribute.MODULUS_BITS, Attribute.PUBLIC_EXPONENT);
        assertThat(List.of(pub.get(Attribute.CLASS), pub.get(Attribute.KEY_TYPE), pub.get(Attribute.TOKEN),
                pub.get(Attribute.PRIVATE), pub.get(Attribute.ENCRYPT), pub.get(Attribute.DECRYPT), pub.get(Attribute.WRAP),
                pub.get(Attribute.UNWRAP), pub.get(Attribute.SIGN), pub.get(Attribute.VERIFY), pub.get(Attribute.LOCAL),
                pub.get(Attribute.SENSITIVE), pub.get(Attribute.EXTRACTABLE)))
                .containsExactly("2", "0", "1", "0", "1", "0", "0", "0", "0", "1", "1", "0", "1");
        assertThat(pub.get(Attribute.LABEL)).isEqualTo("rsa_test");
        assertThat(pub.get(Attribute.VALUE_LEN)).isEqualTo("200");
        assertThat(pub.get(Attribute.MODULUS_BITS)).isEqualTo("800");
        assertThat(pub.get(Attribute.PUBLIC_EXPONENT)).isEqualTo("0x010005");
        assertThat(pub.get(Attribute.MODULUS).lines().toList()).allMatch(l -> l.length() <= 80).hasSize(7);

        Map<Attribute, String> priv = dump(owner, pair.privateHandle());
        assertThat(List.of(priv.get(Attribute.CLASS), priv.get(Attribute.PRIVATE), priv.get(Attribute.SIGN),
                priv.get(Attribute.DECRYPT), priv.get(Attribute.VERIFY), priv.get(Attribute.ENCRYPT),
                priv.get(Attribute.SENSITIVE), priv.get(Attribute.EXTRACTABLE)))
                .containsExactly("3", "1", "1", "1", "0", "0", "1", "1");
        assertThat(priv.get(Attribute.MODULUS)).isEqualTo(pub.get(Attribute.MODULUS));

        // key-attribute-table.md: both halves' KCV is the first 3 bytes of the SHA-1 of the public key
        byte[] spki = owner.pairs().exportPublicKey(pair.publicHandle()).value();
        String kcv = Long.toHexString(Long.parseLong(java.util.HexFormat.of().formatHex(
                Arrays.copyOf(MessageDigest.getInstance("SHA-1").digest(spki), 3)), 16));
        assertThat(pub.get(Attribute.KCV)).isEqualTo(kcv);
        assertThat(priv.get(Attribute.KCV)).isEqualTo(kcv);
    }

    @Test
    void anEcPrivateKeyHasTheGenEccKeyPairPagesFlags() {
        GeneratedPair pair = ec(2, named("ecc2"));
        Map<Attribute, String> priv = dump(owner, pair.privateHandle());
        assertThat(List.of(priv.get(Attribute.CLASS), priv.get(Attribute.KEY_TYPE), priv.get(Attribute.TOKEN),
                priv.get(Attribute.PRIVATE), priv.get(Attribute.ENCRYPT), priv.get(Attribute.DECRYPT),
                priv.get(Attribute.WRAP), priv.get(Attribute.UNWRAP), priv.get(Attribute.SIGN), priv.get(Attribute.VERIFY),
                priv.get(Attribute.LOCAL), priv.get(Attribute.SENSITIVE), priv.get(Attribute.EXTRACTABLE)))
                .containsExactly("3", "3", "1", "1", "0", "0", "0", "0", "1", "0", "1", "1", "1");
        assertThat(priv).doesNotContainKey(Attribute.PUBLIC_EXPONENT);
        assertThat(priv.get(Attribute.MODULUS)).as("the uncompressed public point").startsWith("04").hasSize(130);
        assertThat(dump(owner, pair.publicHandle()).get(Attribute.VERIFY)).isEqualTo("1");
    }

    @Test
    void everyCurveSignsAndVerifiesWithEveryEcdsaHash() {
        for (int curve : new int[]{2, 14, 15, 16}) {
            GeneratedPair pair = ec(curve, named("c" + curve));
            for (int m = 15; m <= 19; m++) {
                SignMechanism mech = SignMechanism.fromCode(m).orElseThrow();
                byte[] sig = owner.crypto().sign(pair.privateHandle(), mech, MESSAGE).value();
                assertThat(owner.crypto().verify(pair.publicHandle(), mech, MESSAGE, sig).code()).as("curve %d mech %d", curve, m)
                        .isEqualTo(ReturnCode.SUCCESS);
                assertThat(owner.crypto().verify(pair.publicHandle(), mech, "other".getBytes(StandardCharsets.US_ASCII), sig).code())
                        .isEqualTo(ReturnCode.SIGNATURE_INVALID);
            }
        }
    }

    @Test
    void rsaSignaturesVerifyWithTheJdk() throws Exception {
        GeneratedPair pair = rsa(2048, named("r"));
        PublicKey jdkKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(owner.pairs().exportPublicKey(pair.publicHandle()).value()));
        String[] hashes = {"SHA1", "SHA256", "SHA384", "SHA512", "SHA224"};
        String[] mgf = {"SHA-1", "SHA-256", "SHA-384", "SHA-512", "SHA-224"};
        int[] lengths = {20, 32, 48, 64, 28};
        for (int i = 0; i < 5; i++) {
            byte[] pkcs = owner.crypto().sign(pair.privateHandle(), SignMechanism.fromCode(i).orElseThrow(), MESSAGE).value();
            Signature v = Signature.getInstance(hashes[i] + "withRSA");
            v.initVerify(jdkKey);
            v.update(MESSAGE);
            assertThat(v.verify(pkcs)).as("mechanism %d", i).isTrue();

            byte[] pss = owner.crypto().sign(pair.privateHandle(), SignMechanism.fromCode(5 + i).orElseThrow(), MESSAGE).value();
            Signature p = Signature.getInstance("RSASSA-PSS");
            p.setParameter(new PSSParameterSpec(mgf[i], "MGF1", new MGF1ParameterSpec(mgf[i]), lengths[i], 1));
            p.initVerify(jdkKey);
            p.update(MESSAGE);
            assertThat(p.verify(pss)).as("mechanism %d", 5 + i).isTrue();
            assertThat(owner.crypto().verify(pair.publicHandle(), SignMechanism.fromCode(5 + i).orElseThrow(), MESSAGE, pss).code())
                    .isEqualTo(ReturnCode.SUCCESS);
        }
    }

    @Test
    void aMechanismMustSuitTheKey() {
        GeneratedPair rsa = rsa(2048, named("r"));
        GeneratedPair ec = ec(2, named("e"));
        long hmac = owner.generateSymmetricKey(GenSymKeyRequest.of(16, 32, "h")).value().handle();
        assertThat(owner.crypto().sign(rsa.publicHandle(), SignMechanism.SHA256_RSA_PKCS, MESSAGE).code())
                .as("a public key does not sign").isEqualTo(ReturnCode.MECHANISM_INVALID);
        assertThat(owner.crypto().sign(rsa.privateHandle(), SignMechanism.ECDSA_SHA256, MESSAGE).code()).isEqualTo(ReturnCode.MECHANISM_INVALID);
        assertThat(owner.crypto().sign(ec.privateHandle(), SignMechanism.SHA256_RSA_PKCS, MESSAGE).code()).isEqualTo(ReturnCode.MECHANISM_INVALID);
        assertThat(owner.crypto().sign(hmac, SignMechanism.SHA256_RSA_PKCS, MESSAGE).code()).isEqualTo(ReturnCode.MECHANISM_INVALID);
        assertThat(owner.crypto().sign(rsa.privateHandle(), SignMechanism.SHA256_HMAC, MESSAGE).code()).isEqualTo(ReturnCode.MECHANISM_INVALID);
        assertThat(owner.crypto().verify(ec.privateHandle(), SignMechanism.ECDSA_SHA256, MESSAGE, new byte[8]).code())
                .as("a private key's OBJ_ATTR_VERIFY is 0").isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);
        assertThat(owner.crypto().verify(ec.publicHandle(), SignMechanism.ECDSA_SHA256, MESSAGE, new byte[]{1, 2, 3}).code())
                .as("garbage is an invalid signature, not a crash").isEqualTo(ReturnCode.SIGNATURE_INVALID);
    }

    @Test
    void theRulesOfModulusExponentAndCurve() {
        KeyOptions o = named("x");
        assertThat(owner.pairs().checkKeyPair(KeyPairRequest.rsa(1000, F4, o))).first().isEqualTo(ReturnCode.MODULUS_LENGTH_INVALID);
        assertThat(owner.pairs().checkKeyPair(KeyPairRequest.rsa(8192, F4, o))).first().isEqualTo(ReturnCode.MODULUS_LENGTH_INVALID);
        assertThat(owner.pairs().checkKeyPair(KeyPairRequest.rsa(1024, F4, o))).isEmpty();
        assertThat(owner.pairs().checkKeyPair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65538), o))).first()
                .isEqualTo(ReturnCode.PUBLIC_EXPONENT_INVALID);
        assertThat(owner.pairs().checkKeyPair(KeyPairRequest.rsa(2048, BigInteger.valueOf(3), o))).first()
                .isEqualTo(ReturnCode.PUBLIC_EXPONENT_INVALID);
        assertThat(owner.pairs().checkKeyPair(KeyPairRequest.ec(99, o))).first().isEqualTo(ReturnCode.CURVE_INVALID);
        assertThat(owner.pairs().checkKeyPair(KeyPairRequest.ec(1, o))).isEmpty();
        HsmResult<GeneratedPair> refused = owner.pairs().generateKeyPair(KeyPairRequest.ec(99, o), SyncObserver.NONE);
        assertThat(refused.code()).isEqualTo(ReturnCode.CURVE_INVALID);
        assertThat(owner.findKeys(new KeyQuery(null, null, "x", null, null, List.of(), null)).value()).isEmpty();
    }

    @Test
    void aFipsClusterRefusesSmallModuliAndPrime192() {
        cluster.close();
        cluster = TestClusters.demo(dir.resolve("fips"), clock, ClusterOptions.of(HsmType.HSM1_MEDIUM, 2, 0));
        owner = TestClusters.login(cluster, "example_user");
        assertThat(owner.pairs().generateKeyPair(KeyPairRequest.rsa(1024, F4, named("x")), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.POLICY_VIOLATION);
        assertThat(owner.pairs().generateKeyPair(KeyPairRequest.ec(1, named("x")), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.POLICY_VIOLATION);
        assertThat(owner.pairs().generateKeyPair(KeyPairRequest.rsa(2048, F4, named("x")), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void bothHalvesShareTheIdAndAnotherKeyCannotTakeIt() {
        GeneratedPair pair = ec(2, new KeyOptions("p", "pair-1", false, false, List.of(), 0, null, null, false));
        assertThat(owner.findKeys(new KeyQuery(null, null, null, "pair-1", null, List.of(), null)).value())
                .containsExactly(pair.publicHandle(), pair.privateHandle());
        assertThat(owner.pairs().generateKeyPair(KeyPairRequest.ec(2, new KeyOptions("q", "pair-1", false, false, List.of(), 0,
                null, null, false)), SyncObserver.NONE).code()).isEqualTo(ReturnCode.DUPLICATE_KEY_ID);
        assertThat(owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "s").withId("pair-1")).code())
                .isEqualTo(ReturnCode.DUPLICATE_KEY_ID);
    }

    @Test
    void sharingAndQuorumGoToThePrivateKeyAndThePublicKeyIsEveryCryptoUsers() {
        GeneratedPair pair = ec(2, new KeyOptions("shared", "", true, false, List.of(4), 0, null, null, false));
        HsmSession alice = TestClusters.login(cluster, "alice");
        HsmSession bob = TestClusters.login(cluster, "bob");
        assertThat(alice.user().id()).isEqualTo(4);
        assertThat(alice.keyInfo(pair.privateHandle()).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.keyInfo(pair.privateHandle()).value().sharedWith()).containsExactly(4);
        assertThat(owner.keyInfo(pair.publicHandle()).value().sharedWith()).isEmpty();
        assertThat(bob.crypto().sign(pair.privateHandle(), SignMechanism.ECDSA_SHA256, MESSAGE).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
        byte[] sig = owner.crypto().sign(pair.privateHandle(), SignMechanism.ECDSA_SHA256, MESSAGE).value();
        assertThat(bob.crypto().verify(pair.publicHandle(), SignMechanism.ECDSA_SHA256, MESSAGE, sig).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(bob.pairs().exportPublicKey(pair.publicHandle()).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(bob.deleteKey(pair.publicHandle()).code()).as("only the owner deletes").isNotEqualTo(ReturnCode.SUCCESS);
        // -nex: the private key is not extractable, the public one always is
        assertThat(dump(owner, pair.privateHandle()).get(Attribute.EXTRACTABLE)).isEqualTo("0");
        assertThat(dump(owner, pair.publicHandle()).get(Attribute.EXTRACTABLE)).isEqualTo("1");
        long wrapping = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "w")).value().handle();
        assertThat(owner.pairs().exportPrivateKey(pair.privateHandle(), wrapping).code()).isEqualTo(ReturnCode.KEY_NOT_EXTRACTABLE);
    }

    @Test
    void sessionPairsVanishWithTheSession() {
        GeneratedPair pair = ec(2, new KeyOptions("s", "", false, true, List.of(), 0, null, null, false));
        assertThat(dump(owner, pair.publicHandle()).get(Attribute.TOKEN)).isEqualTo("0");
        owner.close();
        HsmSession again = TestClusters.login(cluster, "example_user");
        assertThat(again.keyInfo(pair.privateHandle()).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
        assertThat(again.keyInfo(pair.publicHandle()).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
    }

    @Test
    void aPairThatMissesMinSrvIsRolledBackWhole() {
        cluster.close();
        cluster = TestClusters.demoWithLatencies(dir.resolve("slow"), clock);
        owner = TestClusters.login(cluster, "example_user");
        HsmResult<GeneratedPair> r = owner.pairs().generateKeyPair(KeyPairRequest.ec(2,
                new KeyOptions("slow", "", false, false, List.of(), 0, 3, 0, false)), SyncObserver.NONE);
        assertThat(r.code()).isEqualTo(ReturnCode.MIN_SRV_NOT_REACHED);
        assertThat(r.value().rolledBack()).isTrue();
        assertThat(owner.keyInfo(r.value().publicHandle()).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
        assertThat(owner.keyInfo(r.value().privateHandle()).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
    }

    @Test
    void theAsymmetricQuotaKeepsItsShareOfTheCapacity() {
        cluster.close();
        cluster = TestClusters.demo(dir.resolve("small"), clock,
                ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0).withKeyCapacity(15));
        owner = TestClusters.login(cluster, "example_user");
        assertThat(KeyQuota.asymmetricQuota(HsmType.HSM2M_MEDIUM, 16_666)).isEqualTo(3_333);
        assertThat(KeyQuota.asymmetricQuota(HsmType.HSM1_MEDIUM, 3_300)).isEqualTo(3_300);
        ec(2, named("one"));
        HsmResult<GeneratedPair> second = owner.pairs().generateKeyPair(KeyPairRequest.ec(2, named("two")), SyncObserver.NONE);
        assertThat(second.code()).as("3 of 15 may be asymmetric").isEqualTo(ReturnCode.ASYMMETRIC_QUOTA_REACHED);
        assertThat(owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "aes")).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void privateKeysGoOutAndComeBackThroughAWrappingKey() {
        GeneratedPair pair = rsa(2048, named("r"));
        long wrapping = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "w")).value().handle();
        byte[] pkcs8 = owner.pairs().exportPrivateKey(pair.privateHandle(), wrapping).value();
        assertThat(owner.pairs().exportPrivateKey(pair.publicHandle(), wrapping).code()).isEqualTo(ReturnCode.KEY_CLASS_INVALID);
        assertThat(owner.pairs().exportPublicKey(pair.privateHandle()).code()).isEqualTo(ReturnCode.KEY_CLASS_INVALID);

        HsmResult<io.hsmconsole.hsm.key.GeneratedKey> imported = owner.pairs().importPrivateKey(pkcs8.clone(), wrapping,
                named("back"), SyncObserver.NONE);
        assertThat(imported.code()).isEqualTo(ReturnCode.SUCCESS);
        Map<Attribute, String> a = dump(owner, imported.value().handle());
        assertThat(a.get(Attribute.LOCAL)).isEqualTo("0");
        assertThat(a.get(Attribute.CLASS)).isEqualTo("3");
        byte[] sig = owner.crypto().sign(imported.value().handle(), SignMechanism.SHA256_RSA_PKCS, MESSAGE).value();
        assertThat(owner.crypto().verify(pair.publicHandle(), SignMechanism.SHA256_RSA_PKCS, MESSAGE, sig).code()).isEqualTo(ReturnCode.SUCCESS);

        byte[] spki = owner.pairs().exportPublicKey(pair.publicHandle()).value();
        assertThat(owner.pairs().importPrivateKey(spki.clone(), wrapping, named("bad"), SyncObserver.NONE).code())
                .as("a public key is not a private key").isEqualTo(ReturnCode.KEY_MATERIAL_INVALID);
        assertThat(owner.pairs().importPublicKey(pkcs8, named("bad"), SyncObserver.NONE).code()).isEqualTo(ReturnCode.KEY_MATERIAL_INVALID);
        assertThat(owner.pairs().importPublicKey(new byte[]{0x30, 0x00}, named("bad"), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.KEY_MATERIAL_INVALID);
        HsmResult<io.hsmconsole.hsm.key.GeneratedKey> pub = owner.pairs().importPublicKey(spki, named("pub"), SyncObserver.NONE);
        assertThat(owner.crypto().verify(pub.value().handle(), SignMechanism.SHA256_RSA_PKCS, MESSAGE, sig).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.findKeys(new KeyQuery(null, null, "bad", null, null, List.of(), null)).value()).isEmpty();
    }
}
