package io.hsmconsole.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * EC private keys stored before the pages' lengths were followed are in BouncyCastle's PKCS#8 (the curve
 * inside the ECPrivateKey too), and their records say 150 (P-256) for both halves. Such a cluster still
 * works: the key signs, exports (its stored bytes), survives a cluster export and import, and every
 * client is told the pages' lengths (65 and 0x8a), which follow from the material.
 */
class EarlierEcKeyFormTest {
    private static final byte[] MESSAGE = "Pay 100 to carol".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(TestClusters.START);

    @Test
    void aKeyStoredInTheEarlierFormStillWorksAndReportsThePagesLengths() throws Exception {
        Path file = dir.resolve("old.json");
        try (HsmCluster cluster = TestClusters.demo(dir, clock)) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            GeneratedPair pair = s.pairs().generateKeyPair(KeyPairRequest.ec(2, KeyOptions.labelled("old-ec")),
                    SyncObserver.NONE).value();
            asStoredEarlier(cluster, pair);
            checkWorks(s, pair.publicHandle(), pair.privateHandle());
            s.close();
            ClusterExchange.export(cluster, "correct horse".toCharArray(), file);
        }
        try (HsmCluster copy = TestClusters.catalog(dir, clock).importCluster(file, "correct horse".toCharArray(), "copy")) {
            HsmSession b = TestClusters.login(copy, "example_user");
            List<Long> halves = b.findKeys(KeyQuery.byLabel("old-ec")).value();
            assertThat(halves).hasSize(2);
            checkWorks(b, halves.get(0), halves.get(1));
        }
    }

    /** Writes the pair back as an earlier version stored it: the factory's PKCS#8, 150 in both records. */
    private static void asStoredEarlier(HsmCluster cluster, GeneratedPair pair) throws Exception {
        KeyRecord priv = cluster.store().key(pair.privateHandle()).orElseThrow();
        ECPrivateKeyParameters d = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(priv.material());
        byte[] earlier = PrivateKeyInfoFactory.createPrivateKeyInfo(d).getEncoded();
        assertThat(earlier).as("the earlier form: the curve inside the ECPrivateKey too").hasSize(150);
        KeyRecord pub = cluster.store().key(pair.publicHandle()).orElseThrow();
        cluster.store().write(tx -> {
            for (KeyRecord k : List.of(priv.toBuilder().material(earlier).sizeBytes(150).build(),
                    pub.toBuilder().sizeBytes(150).build())) {
                List<KeyCopy> copies = tx.copies(k.handle());
                tx.deleteKey(k.handle());
                tx.insertKey(k, copies);
            }
            return null;
        });
        assertThat(cluster.store().key(pair.privateHandle()).orElseThrow().material()).isEqualTo(earlier);
        assertThat(cluster.store().key(pair.publicHandle()).orElseThrow().sizeBytes()).isEqualTo(150);
    }

    private static void checkWorks(HsmSession s, long publicHandle, long privateHandle) {
        assertThat(s.attributes(publicHandle).value().get(Attribute.VALUE_LEN).orElseThrow().number()).isEqualTo(65);
        assertThat(s.attributes(privateHandle).value().get(Attribute.VALUE_LEN).orElseThrow().number()).isEqualTo(0x8a);
        byte[] signature = s.crypto().sign(privateHandle, SignMechanism.ECDSA_SHA256, MESSAGE).value();
        assertThat(s.crypto().verify(publicHandle, SignMechanism.ECDSA_SHA256, MESSAGE, signature).code())
                .isEqualTo(ReturnCode.SUCCESS);
        long wrap = s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "wrapper")).value().handle();
        byte[] exported = s.pairs().exportPrivateKey(privateHandle, wrap).value();
        assertThat(AsymmetricMaterial.ofPrivate(exported)).as("the export is a PKCS#8 key").isPresent();
    }
}
