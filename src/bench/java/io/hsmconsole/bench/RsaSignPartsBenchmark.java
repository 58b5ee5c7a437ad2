package io.hsmconsole.bench;

import io.hsmconsole.hsm.crypto.RsaCrtEngine;
import io.hsmconsole.hsm.crypto.RsaPrivateOperation;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The parts of one RSA-2048 PKCS #1 v1.5 SHA-256 signature, each alone (microseconds per operation), and
 * the JDK's own SunRsaSign signature as a reference: where {@code KeyPairBenchmark.sign}'s time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RsaSignPartsBenchmark {
    private RSAPrivateCrtKeyParameters key;
    private RsaPrivateOperation operation;
    private SecureRandom random;
    private BigInteger m;
    private BigInteger s;
    private byte[] data;
    private PrivateKey jdkKey;

    @Setup
    public void setUp() throws Exception {
        random = new SecureRandom();
        RSAKeyPairGenerator g = new RSAKeyPairGenerator();
        g.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, 2048, 80));
        key = (RSAPrivateCrtKeyParameters) g.generateKeyPair().getPrivate();
        operation = new RsaPrivateOperation(key);
        m = new BigInteger(2040, random);
        s = operation.apply(m, random);
        data = new byte[256];
        Arrays.fill(data, (byte) 0x5a);
        jdkKey = KeyFactory.getInstance("RSA", "SunRsaSign").generatePrivate(new RSAPrivateCrtKeySpec(key.getModulus(),
                key.getPublicExponent(), key.getExponent(), key.getP(), key.getQ(), key.getDP(), key.getDQ(), key.getQInv()));
    }

    /** Our private-key operation: blinding, both CRT halves (one on the other core), the check. */
    @Benchmark
    public BigInteger apply() {
        return operation.apply(m, random);
    }

    /** One CRT half alone: c mod p, then its 1024-bit exponentiation. */
    @Benchmark
    public BigInteger halfP() {
        return m.mod(key.getP()).modPow(key.getDP(), key.getP());
    }

    /** The fault check: s^e mod n. */
    @Benchmark
    public BigInteger check() {
        return s.modPow(key.getPublicExponent(), key.getModulus());
    }

    /** One blinding step: a product mod n. */
    @Benchmark
    public BigInteger multiplyMod() {
        return m.multiply(s).mod(key.getModulus());
    }

    /** Our signature without the simulator around it: BouncyCastle's SHA-256 and PKCS#1 padding on our engine. */
    @Benchmark
    public byte[] padAndApply() throws Exception {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] hash = new byte[32];
        d.doFinal(hash, 0);
        PKCS1Encoding p = new PKCS1Encoding(new RsaCrtEngine(operation));
        p.init(true, new ParametersWithRandom(key, random));
        byte[] in = Arrays.copyOf(hash, 51);
        return p.processBlock(in, 0, in.length);
    }

    @Benchmark
    public byte[] sha256BouncyCastle() {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] hash = new byte[32];
        d.doFinal(hash, 0);
        return hash;
    }

    @Benchmark
    public byte[] sha256Jdk() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    /** The JDK's own: SunRsaSign's SHA256withRSA (RSACore: CRT, blinding, no second thread). */
    @Benchmark
    public byte[] jdkSunRsaSign() throws Exception {
        Signature sig = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        sig.initSign(jdkKey);
        sig.update(data);
        return sig.sign();
    }
}
