package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.SignMechanism;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SDK 5's key pairs in the simulator: each half has its own label, usage attributes are false until
 * given, the given ones hold, and an attribute the HSM sets itself is refused with nothing made.
 */
class Sdk5PairAttributesTest {
    @TempDir
    Path dir;
    private HsmCluster cluster;
    private HsmSession cu;

    @BeforeEach
    void login() {
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
        cu = TestClusters.login(cluster, "example_user");
    }

    @AfterEach
    void close() {
        cu.close();
        cluster.close();
    }

    @Test
    void eachHalfHasItsLabelAndOnlyTheUsageAskedFor() {
        GeneratedPair pair = cu.pairs().generateSdk5KeyPair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65537),
                KeyOptions.labelled("pub")), new Sdk5PairAttributes("pub", "priv", Map.of(Attribute.VERIFY, true),
                Map.of(Attribute.SIGN, true))).value();
        KeyAttributes pub = cu.attributes(pair.publicHandle()).value();
        KeyAttributes priv = cu.attributes(pair.privateHandle()).value();
        assertThat(pub.get(Attribute.LABEL).map(AttributeValue::text)).contains("pub");
        assertThat(priv.get(Attribute.LABEL).map(AttributeValue::text)).contains("priv");
        assertThat(flag(pub, Attribute.VERIFY)).isTrue();
        assertThat(flag(pub, Attribute.ENCRYPT)).as("KMU's public key encrypts; SDK 5's does not until asked").isFalse();
        assertThat(flag(priv, Attribute.SIGN)).isTrue();
        assertThat(flag(priv, Attribute.DECRYPT)).isFalse();
        assertThat(flag(priv, Attribute.UNWRAP)).isFalse();
        assertThat(cu.crypto().sign(pair.privateHandle(), SignMechanism.SHA256_RSA_PKCS, new byte[]{1}).isSuccess()).isTrue();
    }

    @Test
    void anAttributeTheHsmSetsIsRefusedAndNothingIsMade() {
        int before = cu.listKeys().value().size();
        HsmResult<GeneratedPair> r = cu.pairs().generateSdk5KeyPair(KeyPairRequest.ec(2, KeyOptions.labelled("p")),
                new Sdk5PairAttributes("p", "q", Map.of(), Map.of(Attribute.TRUSTED, true)));
        assertThat(r.code()).isEqualTo(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE);
        assertThat(cu.listKeys().value()).hasSize(before);
    }

    private static boolean flag(KeyAttributes attributes, Attribute a) {
        return attributes.get(a).map(AttributeValue::isTrue).orElseThrow();
    }
}
