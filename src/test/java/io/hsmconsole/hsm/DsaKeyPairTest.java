package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.SignMechanism;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.DSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** genDSAKeyPair in the simulator (key_mgmt_util-genDSAKeyPair.md): -m 2048 only, the halves' attributes, the page's options. */
class DsaKeyPairTest {
    @TempDir
    Path dir;
    HsmCluster cluster;
    HsmSession owner;

    @BeforeEach
    void open() {
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
        owner = TestClusters.login(cluster, "example_user");
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    private GeneratedPair dsa(KeyOptions o) {
        HsmResult<GeneratedPair> r = owner.pairs().generateKeyPair(KeyPairRequest.dsa(2048, o), SyncObserver.NONE);
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        return r.value();
    }

    private Map<Attribute, String> dump(long handle) {
        Map<Attribute, String> m = new LinkedHashMap<>();
        for (AttributeValue v : owner.attributes(handle).value().kmuDump()) {
            m.put(v.attribute(), v.text() != null ? v.text() : Long.toHexString(v.number()));
        }
        return m;
    }

    @Test
    void onlyTheModulusLengthThePageAllowsIsMade() {
        KeyOptions o = KeyOptions.labelled("x");
        for (int bits : new int[]{1024, 2047, 3072, 4096, 0}) {
            assertThat(owner.pairs().checkKeyPair(KeyPairRequest.dsa(bits, o))).as("-m %d", bits).first()
                    .isEqualTo(ReturnCode.MODULUS_LENGTH_INVALID);
            assertThat(owner.pairs().generateKeyPair(KeyPairRequest.dsa(bits, o), SyncObserver.NONE).code())
                    .isEqualTo(ReturnCode.MODULUS_LENGTH_INVALID);
        }
        assertThat(ReturnCode.MODULUS_LENGTH_INVALID.text()).contains("-m").contains("DSA only 2048");
        assertThat(owner.findKeys(new KeyQuery(null, null, "x", null, null, List.of(), null)).value()).as("nothing half-made").isEmpty();
        assertThat(owner.pairs().checkKeyPair(KeyPairRequest.dsa(2048, o))).isEmpty();
    }

    @Test
    void theHalvesAreKeyType1WithAFips186Domain() throws Exception {
        GeneratedPair pair = dsa(new KeyOptions("DSA", "DSA_shared_pair", true, false, List.of(4), 0, null, null, false));
        Map<Attribute, String> pub = dump(pair.publicHandle());
        Map<Attribute, String> priv = dump(pair.privateHandle());
        assertThat(List.of(pub.get(Attribute.CLASS), pub.get(Attribute.KEY_TYPE), pub.get(Attribute.PRIVATE),
                pub.get(Attribute.ENCRYPT), pub.get(Attribute.SIGN), pub.get(Attribute.VERIFY), pub.get(Attribute.SENSITIVE),
                pub.get(Attribute.EXTRACTABLE))).containsExactly("2", "1", "0", "0", "0", "1", "0", "1");
        assertThat(List.of(priv.get(Attribute.CLASS), priv.get(Attribute.KEY_TYPE), priv.get(Attribute.PRIVATE),
                priv.get(Attribute.DECRYPT), priv.get(Attribute.UNWRAP), priv.get(Attribute.SIGN), priv.get(Attribute.SENSITIVE),
                priv.get(Attribute.EXTRACTABLE))).as("-nex").containsExactly("3", "1", "1", "0", "0", "1", "1", "0");
        assertThat(priv.get(Attribute.ID)).isEqualTo("DSA_shared_pair");
        assertThat(pub.get(Attribute.VALUE_LEN)).isEqualTo("100");
        assertThat(pub.get(Attribute.KCV)).isEqualTo(priv.get(Attribute.KCV)).isNotNull();
        assertThat(pub).as("key-attribute-table.md: no modulus for other key types than RSA")
                .doesNotContainKeys(Attribute.MODULUS, Attribute.MODULUS_BITS, Attribute.PUBLIC_EXPONENT);

        DSAPublicKey key = (DSAPublicKey) KeyFactory.getInstance("DSA").generatePublic(
                new X509EncodedKeySpec(owner.pairs().exportPublicKey(pair.publicHandle()).value()));
        assertThat(key.getParams().getP().bitLength()).isEqualTo(2048);
        assertThat(key.getParams().getQ().bitLength()).isEqualTo(224);
        assertThat(key.getY().modPow(key.getParams().getQ(), key.getParams().getP())).as("y is in the order-q subgroup")
                .isEqualTo(java.math.BigInteger.ONE);
        assertThat(owner.findKeys(new KeyQuery(null, 1, null, null, null, List.of(), null)).value())
                .containsExactly(pair.publicHandle(), pair.privateHandle());
    }

    @Test
    void aSessionPairIsAPairOfSessionKeysAndDsaDoesNotSign() {
        GeneratedPair pair = dsa(new KeyOptions("DSA-temp", "DSA_temp_pair", false, true, List.of(), 0, null, null, false));
        assertThat(owner.findKeys(new KeyQuery(null, null, null, null, true, List.of(), null)).value())
                .containsExactly(pair.publicHandle(), pair.privateHandle());
        byte[] message = "Pay 100 to carol".getBytes(StandardCharsets.US_ASCII);
        assertThat(owner.crypto().sign(pair.privateHandle(), SignMechanism.SHA256_RSA_PKCS, message).code())
                .isEqualTo(ReturnCode.MECHANISM_INVALID);
        assertThat(owner.crypto().sign(pair.privateHandle(), SignMechanism.ECDSA_SHA256, message).code())
                .isEqualTo(ReturnCode.MECHANISM_INVALID);
    }
}
