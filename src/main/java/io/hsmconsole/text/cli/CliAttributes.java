package io.hsmconsole.text.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.hsm.key.KeyType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SDK 5's names for key attributes (cloudhsm_cli-key-attributes.md) in the order the CLI prints
 * them, and how each value is written. The same rendering answers {@code --filter attr.NAME=VALUE}:
 * a key matches when its attribute, written as here, equals the value given.
 */
public final class CliAttributes {
    /** Name → simulator attribute, in print order; {@code modifiable} (always true) and {@code curve} have none. */
    private static final Map<String, Attribute> NAMES = new LinkedHashMap<>();
    public static final String MODIFIABLE = "modifiable";
    public static final String ID = "id";
    public static final String LABEL = "label";
    /** A pair's own attributes; an EC key's point is the simulator's MODULUS, printed as {@code ec-point}. */
    private static final String PUBLIC_EXPONENT = "public-exponent";
    private static final String MODULUS = "modulus";
    private static final String MODULUS_SIZE_BITS = "modulus-size-bits";
    private static final String EC_POINT = "ec-point";
    /** An EC key's curve: no simulator attribute of its own, read from the key's public half. */
    private static final String CURVE = "curve";

    static {
        NAMES.put("key-type", Attribute.KEY_TYPE);
        NAMES.put(LABEL, Attribute.LABEL);
        NAMES.put(ID, Attribute.ID);
        NAMES.put("check-value", Attribute.KCV);
        NAMES.put("class", Attribute.CLASS);
        NAMES.put("encrypt", Attribute.ENCRYPT);
        NAMES.put("decrypt", Attribute.DECRYPT);
        NAMES.put("token", Attribute.TOKEN);
        NAMES.put("always-sensitive", Attribute.ALWAYS_SENSITIVE);
        NAMES.put("derive", Attribute.DERIVE);
        NAMES.put("destroyable", Attribute.DESTROYABLE);
        NAMES.put("extractable", Attribute.EXTRACTABLE);
        NAMES.put("local", Attribute.LOCAL);
        NAMES.put(MODIFIABLE, null);
        NAMES.put("never-extractable", Attribute.NEVER_EXTRACTABLE);
        NAMES.put("private", Attribute.PRIVATE);
        NAMES.put("sensitive", Attribute.SENSITIVE);
        NAMES.put("sign", Attribute.SIGN);
        NAMES.put("trusted", Attribute.TRUSTED);
        NAMES.put("unwrap", Attribute.UNWRAP);
        NAMES.put("verify", Attribute.VERIFY);
        NAMES.put("wrap", Attribute.WRAP);
        NAMES.put("wrap-with-trusted", Attribute.WRAP_WITH_TRUSTED);
        NAMES.put("key-length-bytes", Attribute.VALUE_LEN);
        NAMES.put(PUBLIC_EXPONENT, Attribute.PUBLIC_EXPONENT);
        NAMES.put(MODULUS, Attribute.MODULUS);
        NAMES.put(MODULUS_SIZE_BITS, Attribute.MODULUS_BITS);
        NAMES.put(EC_POINT, Attribute.MODULUS);
        NAMES.put(CURVE, null);
    }

    private CliAttributes() {
    }

    /** Whether the name's value comes from a pair's material (modulus, exponent, point, curve), not its record. */
    public static boolean isPairValue(String name) {
        return name.equals(CURVE) || (NAMES.get(name) != null && Attribute.PAIR_DUMP_ORDER.contains(NAMES.get(name)));
    }

    /** Every attribute name the CLI knows, in print order. */
    public static List<String> names() {
        return List.copyOf(NAMES.keySet());
    }

    public static boolean isKnown(String name) {
        return NAMES.containsKey(name);
    }

    /** The simulator's attribute for an SDK 5 name; empty for an unknown name and for {@code modifiable}. */
    public static Optional<Attribute> attribute(String name) {
        return Optional.ofNullable(NAMES.get(name));
    }

    /** The SDK 5 name of a simulator attribute, if the CLI shows it. */
    public static Optional<String> name(Attribute attribute) {
        return NAMES.entrySet().stream().filter(e -> e.getValue() == attribute).map(Map.Entry::getKey).findFirst();
    }

    /** The {@code attributes} object of one key. */
    public static ObjectNode render(KeyAttributes attributes) {
        ObjectNode node = CliJson.object();
        NAMES.forEach((name, attribute) -> value(attributes, name).ifPresent(v -> node.set(name, v)));
        return node;
    }

    private static boolean isEc(KeyAttributes attributes) {
        return attributes.get(Attribute.KEY_TYPE).map(v -> v.number() == AsymmetricKeyType.EC.code()).orElse(false);
    }

    /** One attribute as printed, or empty when the key does not have it (a generic secret has no check value). */
    public static Optional<JsonNode> value(KeyAttributes attributes, String name) {
        if (name.equals(MODIFIABLE)) {
            return Optional.of(CliJson.object().booleanNode(true)); // the simulator never locks a key's attributes
        }
        if (name.equals(CURVE)) {
            return attributes.curve().map(c -> CliJson.object().textNode(curveName(c)));
        }
        Attribute attribute = NAMES.get(name);
        boolean ec = isEc(attributes);
        if (attribute == null || (ec && (name.equals(MODULUS) || name.equals(MODULUS_SIZE_BITS)))
                || (!ec && name.equals(EC_POINT))) {
            return Optional.empty(); // an EC key has its point as ec-point, and no modulus; other keys no ec-point
        }
        return attributes.get(attribute).map(CliAttributes::json);
    }

    /** The value as a filter compares it: the JSON text without quotes ({@code true}, {@code aes}, {@code 32}). */
    public static Optional<String> filterText(KeyAttributes attributes, String name) {
        return value(attributes, name).map(JsonNode::asText);
    }

    private static JsonNode json(AttributeValue v) {
        ObjectNode factory = CliJson.object();
        return switch (v.attribute()) {
            case KEY_TYPE -> factory.textNode(keyType((int) v.number()));
            case CLASS -> factory.textNode(keyClass((int) v.number()));
            case LABEL -> factory.textNode(v.text());
            case ID -> factory.textNode(KeyNaming.shownId(v.text()));
            case KCV -> factory.textNode(String.format(Locale.ROOT, "0x%06x", v.number()));
            case VALUE_LEN, MODULUS_BITS -> factory.numberNode(v.number());
            // the simulator keeps a pair's big numbers as hex (KMU wraps an RSA modulus); SDK 5 prints 0x… on one line
            case MODULUS -> factory.textNode("0x" + v.text().replaceAll("\\s", ""));
            case PUBLIC_EXPONENT -> factory.textNode(v.text());
            default -> v.attribute().isBoolean() ? factory.booleanNode(v.isTrue()) : factory.textNode(v.text());
        };
    }

    /** SDK 5's curve names (cloudhsm_cli-key-generate-asymmetric-pair-ec.md): secp256r1 for X9.62's prime256v1. */
    public static String curveName(EcCurve curve) {
        return switch (curve) {
            case PRIME256V1 -> "secp256r1";
            case PRIME192V1 -> "secp192r1";
            default -> curve.curveName();
        };
    }

    /** SDK 5's key type names ({@code key-type}). */
    public static String keyType(int code) {
        return KeyType.fromCode(code).map(t -> switch (t) {
            case AES -> "aes";
            case GENERIC_SECRET -> "generic-secret";
            case DES3 -> "des3";
            case RC4 -> "rc4";
        }).or(() -> Arrays.stream(AsymmetricKeyType.values()).filter(t -> t.code() == code).findFirst()
                .map(t -> t.name().toLowerCase(Locale.ROOT))).orElse(Integer.toString(code));
    }

    /** SDK 5's class names ({@code class}). */
    public static String keyClass(int code) {
        return Arrays.stream(KeyClass.values()).filter(c -> c.code() == code).findFirst()
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse(Integer.toString(code));
    }
}
