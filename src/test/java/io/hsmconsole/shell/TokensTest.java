package io.hsmconsole.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** KMU integers: all decimal digits within range, else absent; never an exception (found by the fuzzer). */
class TokensTest {
    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "9999999999999999999", "99999999999999999999", "-1", "+5", "0x10", "1e3", ""})
    void numbersPastTheLimitsOrNotDecimalAreAbsent(String text) {
        assertThat(Tokens.decimal(text, Long.MAX_VALUE)).isNull();
        assertThat(Tokens.decimalInt(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "06", "0"})
    void decimalsWithinTheLimitAreRead(String text) {
        assertThat(Tokens.decimal(text, Long.MAX_VALUE)).isEqualTo(Long.parseLong(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "9223372036854775807"})
    void intOptionsPastIntegerMaxAreAbsent(String text) {
        assertThat(Tokens.decimalInt(text)).isNull();
    }
}
