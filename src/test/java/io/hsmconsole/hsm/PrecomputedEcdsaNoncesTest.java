package io.hsmconsole.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.SignatureScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The simulator's own ECDSA (what PKCS#11's C_Sign and the shells ask) on the cluster's precomputed nonces:
 * the first signatures of a process compute their nonce inline, then the cluster's queue is filled on the
 * process's refill thread and signatures take from it; every signature verifies with the JDK and no two
 * share an r.
 */
class PrecomputedEcdsaNoncesTest {
    /** EcCurve's id of P-256 (prime256v1) in KeyPairRequest. */
    private static final int P256 = 2;
    /** Enough for the refill thread to have run many times over on any machine; the loop ends long before. */
    private static final int AT_MOST = 20_000;

    @TempDir
    Path dir;

    @Test
    void theClustersSignaturesTakePrecomputedNoncesAndAllVerify() throws Exception {
        try (HsmCluster cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START))) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            GeneratedPair pair = s.pairs().generateKeyPair(KeyPairRequest.ec(P256, KeyOptions.labelled("nonces")),
                    SyncObserver.NONE).value();
            Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
            jdk.initVerify(publicKey(s, pair.publicHandle()));
            long before = cluster.ecdsaNonces().taken() + cluster.ecdsaNonces().missed();
            Set<BigInteger> rs = new HashSet<>();
            int signed = 0;
            while (signed < AT_MOST && (signed < 1_000 || cluster.ecdsaNonces().taken() < 200)) {
                byte[] message = ByteBuffer.allocate(8).putLong(signed).array();
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(message);
                HsmResult<byte[]> signature = s.crypto().sign(pair.privateHandle(), SignatureScheme.ecdsa(null), hash);
                assertThat(signature.code()).isEqualTo(ReturnCode.SUCCESS);
                jdk.update(message);
                assertThat(jdk.verify(signature.value())).as("signature %d verifies", signed).isTrue();
                rs.add(new BigInteger(1, Arrays.copyOf(signature.value(), 32)));
                signed++;
            }
            assertThat(rs).as("a new r for each of %d signatures", signed).hasSize(signed);
            assertThat(cluster.ecdsaNonces().taken()).as("signatures on precomputed nonces").isGreaterThanOrEqualTo(200);
            assertThat(cluster.ecdsaNonces().taken() + cluster.ecdsaNonces().missed() - before).isEqualTo(signed);
        }
    }

    private static PublicKey publicKey(HsmSession s, long handle) throws Exception {
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(s.pairs().exportPublicKey(handle).value()));
    }
}
