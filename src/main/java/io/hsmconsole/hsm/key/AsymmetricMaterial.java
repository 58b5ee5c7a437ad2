package io.hsmconsole.hsm.key;

import io.hsmconsole.hsm.ec.FixedBaseMultiplier;
import io.hsmconsole.model.KeyClass;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAKeyParameters;
import org.bouncycastle.crypto.params.DSAParameters;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A key pair's material as the store keeps it: a public key as its DER SubjectPublicKeyInfo, a
 * private key as its DER PKCS#8 PrivateKeyInfo (the forms OpenSSL reads and writes; an EC key's
 * byte for byte as {@code openssl pkcs8 -topk8} writes it), and what the
 * attributes derive from them (modulus, bits, exponent, EC point, KCV). BouncyCastle does the parsing.
 */
public final class AsymmetricMaterial {
    private final AsymmetricKeyType type;
    private final boolean isPrivate;
    private final AsymmetricKeyParameter key;
    /** Null for a decoded EC private key until its public point is first needed ({@link #publicKey()}). */
    private AsymmetricKeyParameter publicKey;
    private final EcCurve curve;

    private AsymmetricMaterial(AsymmetricKeyType type, boolean isPrivate, AsymmetricKeyParameter key,
                               AsymmetricKeyParameter publicKey, EcCurve curve) {
        this.type = type;
        this.isPrivate = isPrivate;
        this.key = key;
        this.publicKey = publicKey;
        this.curve = curve;
    }

    /** The stored material of a class 2 (SubjectPublicKeyInfo) or class 3 (PKCS#8) record. */
    public static Optional<AsymmetricMaterial> of(int keyClass, byte[] der) {
        return keyClass == KeyClass.PUBLIC_KEY.code() ? ofPublic(der)
                : keyClass == KeyClass.PRIVATE_KEY.code() ? ofPrivate(der) : Optional.empty();
    }

    /** A DER SubjectPublicKeyInfo of an RSA key, a 2048-bit DSA key or an EC key on a curve the HSM knows; empty otherwise. */
    public static Optional<AsymmetricMaterial> ofPublic(byte[] der) {
        try {
            return from(PublicKeyFactory.createKey(der), null);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A DER PKCS#8 PrivateKeyInfo of an RSA (CRT) key, a 2048-bit DSA key or an EC key on a curve the HSM knows; empty otherwise. */
    public static Optional<AsymmetricMaterial> ofPrivate(byte[] der) {
        try {
            AsymmetricKeyParameter k = PrivateKeyFactory.createKey(der);
            if (k instanceof RSAPrivateCrtKeyParameters rsa) {
                return from(k, new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (k instanceof ECPrivateKeyParameters ec) {
                // The public point is computed when asked for: every signature decodes its stored private
                // key, and the multiplication cost as much as the signature.
                return curveOf(ec.getParameters()).map(c -> new AsymmetricMaterial(AsymmetricKeyType.EC, true, k, null, c));
            }
            if (k instanceof DSAPrivateKeyParameters dsa) {
                DSAParameters p = dsa.getParameters();
                return from(k, new DSAPublicKeyParameters(p.getG().modPow(dsa.getX(), p.getP()), p));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A freshly generated pair. */
    public static AsymmetricMaterial[] ofPair(AsymmetricCipherKeyPair pair) {
        AsymmetricMaterial pub = from(pair.getPublic(), null).orElseThrow();
        AsymmetricMaterial priv = from(pair.getPrivate(), pair.getPublic()).orElseThrow();
        return new AsymmetricMaterial[]{pub, priv};
    }

    private static Optional<AsymmetricMaterial> from(AsymmetricKeyParameter k, AsymmetricKeyParameter pub) {
        boolean priv = k.isPrivate();
        AsymmetricKeyParameter publicPart = priv ? pub : k;
        if (k instanceof RSAKeyParameters) {
            return Optional.of(new AsymmetricMaterial(AsymmetricKeyType.RSA, priv, k, publicPart, null));
        }
        // Only the DSA keys genDSAKeyPair makes (a 2048-bit p): an imported key follows the same rule.
        if (k instanceof DSAKeyParameters dsa && dsa.getParameters() != null
                && PairRules.isValidDsaModulus(dsa.getParameters().getP().bitLength())) {
            return Optional.of(new AsymmetricMaterial(AsymmetricKeyType.DSA, priv, k, publicPart, null));
        }
        if (publicPart instanceof ECPublicKeyParameters ec) {
            return curveOf(ec.getParameters()).map(c -> new AsymmetricMaterial(AsymmetricKeyType.EC, priv, k, publicPart, c));
        }
        return Optional.empty();
    }

    /** Only named curves the HSM lists: a key on explicit or unknown parameters is not accepted. */
    private static Optional<EcCurve> curveOf(org.bouncycastle.crypto.params.ECDomainParameters parameters) {
        if (!(parameters instanceof ECNamedDomainParameters named)) {
            return Optional.empty();
        }
        return Arrays.stream(EcCurve.values()).filter(c -> named.getName().equals(oid(c))).findFirst();
    }

    /** The curve's object identifier. */
    public static ASN1ObjectIdentifier oid(EcCurve curve) {
        return ECNamedCurveTable.getOID(curve.curveName());
    }

    /** The curve's OID, DER-encoded: PKCS#11's CKA_EC_PARAMS (namedCurve). */
    public static byte[] curveParameters(EcCurve curve) {
        try {
            return oid(curve).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an OID always encodes", e);
        }
    }

    /**
     * The curve's domain parameters, named (so encodings carry the OID, as OpenSSL writes them), on
     * BouncyCastle's own implementation of the curve where it has one (P-256, P-384, secp256k1, ...):
     * the same curve, what decoding a stored key gives, and many times faster than the generic one.
     */
    public static ECNamedDomainParameters domain(EcCurve curve) {
        ASN1ObjectIdentifier oid = oid(curve);
        X9ECParameters x9 = CustomNamedCurves.getByOID(oid);
        return new ECNamedDomainParameters(oid, x9 != null ? x9 : ECNamedCurveTable.getByName(curve.curveName()));
    }

    public AsymmetricKeyType type() {
        return type;
    }

    public boolean isPrivate() {
        return isPrivate;
    }

    /** BouncyCastle's view of the key, for signing and verifying. */
    public AsymmetricKeyParameter key() {
        return key;
    }

    /** The public half; a decoded EC private key's point computed once, on the first call (on the base point's precomputed table). */
    private synchronized AsymmetricKeyParameter publicKey() {
        if (publicKey == null) {
            ECPrivateKeyParameters ec = (ECPrivateKeyParameters) key;
            publicKey = new ECPublicKeyParameters(
                    FixedBaseMultiplier.of(ec.getParameters()).multiply(ec.getParameters().getG(), ec.getD()).normalize(), ec.getParameters());
        }
        return publicKey;
    }

    /** The curve of an EC key; empty for RSA. */
    public Optional<EcCurve> curve() {
        return Optional.ofNullable(curve);
    }

    /** The stored form: SubjectPublicKeyInfo for a public key, PKCS#8 for a private one. */
    public byte[] encoded() {
        try {
            if (!isPrivate) {
                return publicKeyInfo();
            }
            return key instanceof ECPrivateKeyParameters ec ? ecPrivateKeyInfo(ec).getEncoded()
                    : PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("a key BouncyCastle made must encode", e);
        }
    }

    /**
     * An EC private key's PKCS#8 as OpenSSL writes it ({@code openssl pkcs8 -topk8}): the curve's OID in
     * the AlgorithmIdentifier only, and an RFC 5915 ECPrivateKey with the public point [1] but without the
     * curve parameters [0]. That is the form whose length the pages show as the private key's
     * key-length-bytes (P-224 122, P-256 138). It is written from the point this pair already has:
     * BouncyCastle's PrivateKeyInfoFactory multiplies it out again (and puts the curve in twice, the form
     * keys stored before 2026-12 have: {@link #ofPrivate} reads both).
     */
    private PrivateKeyInfo ecPrivateKeyInfo(ECPrivateKeyParameters ec) throws IOException {
        DERBitString point = new DERBitString(((ECPublicKeyParameters) publicKey()).getQ().getEncoded(false));
        return ecPrivateKeyInfo(curve, ec.getD(), point);
    }

    private static PrivateKeyInfo ecPrivateKeyInfo(EcCurve curve, BigInteger d, DERBitString point) throws IOException {
        X962Parameters params = new X962Parameters(oid(curve));
        int orderBits = domain(curve).getN().bitLength();
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, params),
                new ECPrivateKey(orderBits, d, point, null));
    }

    /** The DER SubjectPublicKeyInfo of the pair's public half. */
    public byte[] publicKeyInfo() {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey()).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("a key BouncyCastle made must encode", e);
        }
    }

    /** key-attribute-table.md: a pair's KCV is the first 3 bytes of the SHA-1 of its public key; both halves share it. */
    public byte[] kcv() {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-1").digest(publicKeyInfo()), 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** RSA: the modulus length; DSA: the prime p's length (genDSAKeyPair's -m); EC: the curve's field size. */
    public int bits() {
        if (key instanceof RSAKeyParameters rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof DSAKeyParameters dsa) {
            return dsa.getParameters().getP().bitLength();
        }
        return ((ECKeyParameters) key).getParameters().getCurve().getFieldSize();
    }

    /**
     * OBJ_ATTR_MODULUS: RSA's modulus, or, for EC, the uncompressed public point (04 || X || Y), as
     * the genECCKeyPair page's dump shows it under that name.
     */
    public byte[] modulus() {
        if (publicKey() instanceof RSAKeyParameters rsa) {
            return unsigned(rsa.getModulus());
        }
        return ((ECPublicKeyParameters) publicKey()).getQ().getEncoded(false);
    }

    /** A DSA key's domain (p, q, g) and public value y, as PKCS#11's CKA_PRIME, CKA_SUBPRIME, CKA_BASE and a public key's CKA_VALUE; empty for RSA and EC. */
    public Optional<DsaPublicParts> dsa() {
        if (!(publicKey() instanceof DSAPublicKeyParameters y)) {
            return Optional.empty();
        }
        DSAParameters p = y.getParameters();
        return Optional.of(new DsaPublicParts(unsigned(p.getP()), unsigned(p.getQ()), unsigned(p.getG()), unsigned(y.getY())));
    }

    /** The big-endian unsigned numbers of a DSA public key. */
    public record DsaPublicParts(byte[] prime, byte[] subprime, byte[] base, byte[] value) {
    }

    /** RSA's public exponent; empty for EC. */
    public Optional<BigInteger> publicExponent() {
        return publicKey() instanceof RSAKeyParameters rsa ? Optional.of(rsa.getExponent()) : Optional.empty();
    }

    /**
     * OBJ_ATTR_VALUE_LEN (the CloudHSM CLI's key-length-bytes) of this half. RSA: twice the modulus bytes
     * (genRSAKeyPair.md shows 512, 0x200, for a 2048-bit key). EC: a public key's uncompressed point
     * (cloudhsm_cli-key-generate-asymmetric-pair-ec.md: 57 for P-224, 1 + 2 x 28), a private key's
     * PKCS#8 as OpenSSL writes it (the same page: 122 for P-224; genECCKeyPair.md: 0x8a = 138 for
     * P-256). Both EC figures depend on the curve only, so a key stored in the earlier PKCS#8 form
     * reports them too. DSA: the prime's bytes (ours: no page shows a DSA dump; "key length in bytes"
     * of key-attribute-table.md).
     */
    public int valueLength() {
        return switch (type) {
            case RSA -> 2 * ((bits() + 7) / 8);
            case DSA -> (bits() + 7) / 8;
            case EC -> isPrivate ? EC_LENGTHS.get(curve).privateKeyInfo() : EC_LENGTHS.get(curve).point();
        };
    }

    /** Per curve: the uncompressed point's length (04, X, Y) and the OpenSSL PKCS#8's. */
    private record EcLengths(int point, int privateKeyInfo) {
    }

    /**
     * Computed once per curve: the private value is written at the order's length and the point at the
     * field's, so any value gives the PKCS#8's length (1 and a zero point here).
     */
    private static final Map<EcCurve, EcLengths> EC_LENGTHS = ecLengths();

    private static Map<EcCurve, EcLengths> ecLengths() {
        Map<EcCurve, EcLengths> lengths = new EnumMap<>(EcCurve.class);
        for (EcCurve c : EcCurve.values()) {
            int point = 1 + 2 * ((domain(c).getCurve().getFieldSize() + 7) / 8);
            try {
                int info = ecPrivateKeyInfo(c, BigInteger.ONE, new DERBitString(new byte[point])).getEncoded().length;
                lengths.put(c, new EcLengths(point, info));
            } catch (IOException e) {
                throw new IllegalStateException("a template key always encodes", e);
            }
        }
        return lengths;
    }

    /** Hex, as the dump prints a modulus: lowercase, 80 characters a line. */
    public static String wrappedHex(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 80) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(hex, i, Math.min(hex.length(), i + 80));
        }
        return out.toString();
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
