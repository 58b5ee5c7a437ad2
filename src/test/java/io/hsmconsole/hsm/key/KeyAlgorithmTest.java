package io.hsmconsole.hsm.key;

import io.hsmconsole.model.KeyAlgorithm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored key type ({@link KeyAlgorithm}) and the commands' rules ({@link KeyType} for genSymKey,
 * {@link AsymmetricKeyType} for the pair commands) name the same seven OBJ_ATTR_KEY_TYPE values: each
 * algorithm belongs to exactly one of the two, on the side its {@code isPair} says.
 */
class KeyAlgorithmTest {
    @Test
    void everyAlgorithmIsNamedByExactlyOneCommandTypeOnItsSide() {
        List<KeyAlgorithm> named = new ArrayList<>();
        for (KeyType t : KeyType.values()) {
            assertThat(t.algorithm().isPair()).as(t.name()).isFalse();
            assertThat(t.algorithm().code()).isEqualTo(t.code());
            assertThat(KeyType.of(t.algorithm())).contains(t);
            named.add(t.algorithm());
        }
        for (AsymmetricKeyType t : AsymmetricKeyType.values()) {
            assertThat(t.algorithm().isPair()).as(t.name()).isTrue();
            assertThat(t.algorithm().code()).isEqualTo(t.code());
            assertThat(KeyType.of(t.algorithm())).isEmpty();
            named.add(t.algorithm());
        }
        assertThat(named).containsExactlyInAnyOrder(KeyAlgorithm.values());
    }

    @Test
    void codesReadBackAndUnknownCodesAreEmpty() {
        Arrays.stream(KeyAlgorithm.values()).forEach(a -> assertThat(KeyAlgorithm.fromCode(a.code())).contains(a));
        assertThat(KeyAlgorithm.fromCode(2)).isEmpty();
        assertThat(KeyAlgorithm.fromCode(99)).isEmpty();
        assertThat(KeyAlgorithm.fromCode(-1)).isEmpty();
    }
}
