package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.PairRules;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import io.hsmconsole.hsm.ec.FixedBaseEcKeyPairGenerator;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * genRSAKeyPair, genDSAKeyPair and genECCKeyPair inside the HSM: modulus, exponent, curve and FIPS rules, then a
 * pair from the cluster's DRBG (BouncyCastle's generators), made as two objects in one transaction.
 */
final class KeyPairGeneration {
    /** Miller-Rabin certainty of the primes: error probability below 2^-112, FIPS 186-4's bar for 2048 bits. */
    private static final int PRIME_CERTAINTY = 112;

    private final HsmCluster cluster;
    private final HsmSession session;
    private final KeyCreation creation;

    KeyPairGeneration(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
        this.creation = new KeyCreation(cluster, session);
    }

    HsmResult<GeneratedPair> generate(KeyPairRequest req, SyncObserver observer) {
        return generate(req, observer, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * Client SDK 5's {@code key generate-asymmetric-pair}: the same rules and pair, each half's record
     * then given SDK 5's label and attributes ({@link Sdk5PairAttributes}) before anything is stored.
     */
    HsmResult<GeneratedPair> generateSdk5(KeyPairRequest req, Sdk5PairAttributes sdk5) {
        return generate(req, SyncObserver.NONE, sdk5::publicKey, sdk5::privateKey);
    }

    private HsmResult<GeneratedPair> generate(KeyPairRequest req, SyncObserver observer,
                                              UnaryOperator<KeyRecord> publicHalf, UnaryOperator<KeyRecord> privateHalf) {
        List<NodeRecord> nodes = cluster.nodeRecords();
        Optional<ReturnCode> invalid = validateAlgorithm(req).or(() -> creation.validate(req.options(), nodes.size()));
        if (invalid.isPresent()) {
            return HsmResult.fail(invalid.get(), NodeLines.all(nodes, session.homeNode(), invalid.get()));
        }
        AsymmetricMaterial[] pair = AsymmetricMaterial.ofPair(newPair(req));
        return create(pair[0], pair[1], req.options(), true, observer, publicHalf, privateHalf);
    }

    /** Every rule the request breaks, in the HSM's order: a form's pre-flight; the first is what {@link #generate} answers. */
    List<ReturnCode> problems(KeyPairRequest req) {
        List<ReturnCode> found = new ArrayList<>();
        validateAlgorithm(req).ifPresent(found::add);
        found.addAll(creation.problems(req.options(), cluster.nodeRecords().size()));
        found.addAll(creation.stateProblems(req.options()));
        return found;
    }

    /** Makes both halves; the private key is checked against the public one by construction. */
    HsmResult<GeneratedPair> create(AsymmetricMaterial pub, AsymmetricMaterial priv, KeyOptions o, boolean local,
                                    SyncObserver observer) {
        return create(pub, priv, o, local, observer, UnaryOperator.identity(), UnaryOperator.identity());
    }

    private HsmResult<GeneratedPair> create(AsymmetricMaterial pub, AsymmetricMaterial priv, KeyOptions o, boolean local,
                                            SyncObserver observer, UnaryOperator<KeyRecord> publicHalf,
                                            UnaryOperator<KeyRecord> privateHalf) {
        HsmResult<KeyCreation.Made> made = creation.createAll(List.of(
                adjusted(PairObjects.publicKey(session, pub, o, local), publicHalf),
                adjusted(PairObjects.privateKey(session, priv, o, local), privateHalf)), o, true, observer);
        HsmResult<GeneratedPair> result = KeyCreation.Made.map(made,
                m -> new GeneratedPair(m.handles().get(0), m.handles().get(1), m.node(), m.rolledBack()));
        if (!o.attest() || result.value() == null) {
            return result;
        }
        GeneratedPair pair = result.value();
        byte[] payload = ByteBuffer.allocate(2 * Long.BYTES).putLong(pair.publicHandle()).putLong(pair.privateHandle()).array();
        return result.withAttestation(new Attestation(cluster).attest(pair.servingNode(), result.code().code(), payload));
    }

    private static KeyCreation.NewObject adjusted(KeyCreation.NewObject object, UnaryOperator<KeyRecord> adjust) {
        return (handle, node, now, shares) -> adjust.apply(object.record(handle, node, now, shares));
    }

    private Optional<ReturnCode> validateAlgorithm(KeyPairRequest req) {
        boolean fips = cluster.hsmType().fips();
        if (req.type() == AsymmetricKeyType.RSA) {
            if (!PairRules.isValidModulus(req.modulusBits())) {
                return Optional.of(ReturnCode.MODULUS_LENGTH_INVALID);
            }
            if (fips && PairRules.refusedInFips(req.modulusBits())) {
                return Optional.of(ReturnCode.POLICY_VIOLATION);
            }
            return PairRules.isValidPublicExponent(req.publicExponent()) ? Optional.empty()
                    : Optional.of(ReturnCode.PUBLIC_EXPONENT_INVALID);
        }
        if (req.type() == AsymmetricKeyType.DSA) {
            return PairRules.isValidDsaModulus(req.modulusBits()) ? Optional.empty()
                    : Optional.of(ReturnCode.MODULUS_LENGTH_INVALID);
        }
        Optional<EcCurve> curve = PairRules.curve(req.curveId());
        if (curve.isEmpty()) {
            return Optional.of(ReturnCode.CURVE_INVALID);
        }
        return fips && curve.get().refusedInFips() ? Optional.of(ReturnCode.POLICY_VIOLATION) : Optional.empty();
    }

    private AsymmetricCipherKeyPair newPair(KeyPairRequest req) {
        if (req.type() == AsymmetricKeyType.RSA) {
            RSAKeyPairGenerator g = new RSAKeyPairGenerator();
            g.init(new RSAKeyGenerationParameters(req.publicExponent(), cluster.drbg(), req.modulusBits(), PRIME_CERTAINTY));
            return g.generateKeyPair();
        }
        if (req.type() == AsymmetricKeyType.DSA) {
            return DsaPairs.generate(cluster.drbg());
        }
        ECKeyPairGenerator g = new FixedBaseEcKeyPairGenerator();
        EcCurve curve = PairRules.curve(req.curveId()).orElseThrow();
        g.init(new ECKeyGenerationParameters(AsymmetricMaterial.domain(curve), cluster.drbg()));
        return g.generateKeyPair();
    }
}
