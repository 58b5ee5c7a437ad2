package io.hsmconsole.hsm.key;

import io.hsmconsole.model.KeyClass;

import java.util.Map;

/**
 * What {@code key unwrap} makes: the key's class and type ({@code --key-type-class}: a secret key of
 * a {@link KeyType}, or an RSA or EC private key of an {@link AsymmetricKeyType}), its usage
 * attributes over SDK 5's defaults, and the options every new key has.
 */
public record Sdk5UnwrapTarget(KeyClass keyClass, int keyTypeCode, Map<Attribute, Boolean> attributes, KeyOptions options) {
    public Sdk5UnwrapTarget {
        attributes = Map.copyOf(attributes);
    }
}
