package io.hsmconsole.hsm.key;

import io.hsmconsole.model.KeyClass;

/**
 * What an imported or unwrapped key is: its class and type codes as the user gave them (or as a
 * wrapped-key header carried them). The simulator validates them.
 */
public record KeyTemplate(int keyClass, int keyTypeCode) {

    public static KeyTemplate secret(int keyTypeCode) {
        return new KeyTemplate(KeyClass.SECRET_KEY.code(), keyTypeCode);
    }
}
