package io.hsmconsole.hsm.key;

import io.hsmconsole.model.KeyClass;

/** A key's type in words for lists and panels: {@code AES}, {@code 3DES}, {@code RSA public}, {@code EC private}. */
public final class KeyKind {
    private KeyKind() {
    }

    public static String typeName(int keyClass, int keyType) {
        if (AsymmetricKeyType.isPairClass(keyClass)) {
            String half = keyClass == KeyClass.PUBLIC_KEY.code() ? " public" : " private";
            return AsymmetricKeyType.fromCode(keyType).map(AsymmetricKeyType::displayName).orElse(String.valueOf(keyType))
                    + half;
        }
        return KeyType.fromCode(keyType).map(KeyType::displayName).orElse(String.valueOf(keyType));
    }
}
