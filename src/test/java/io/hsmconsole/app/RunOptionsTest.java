package io.hsmconsole.app;

import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.pkcs11.KeyAvailabilityCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code cloudhsm_client start}'s options, and that the service process gets the same ones. */
class RunOptionsTest {
    @Test
    void defaultsAndBothOptionsInEitherOrderReachTheServiceProcess() {
        assertThat(RunOptions.parse(List.of())).isEqualTo(new RunOptions(30, AvailabilityCheck.ON));
        RunOptions both = RunOptions.parse(List.of("--disable-key-availability-check", "--idle-minutes", "5"));
        assertThat(both).isEqualTo(new RunOptions(5, AvailabilityCheck.OFF));
        assertThat(both.pkcs11Availability()).isEqualTo(KeyAvailabilityCheck.DISABLED);
        assertThat(RunOptions.parse(List.of()).pkcs11Availability()).isEqualTo(KeyAvailabilityCheck.ENABLED);
        assertThat(RunOptions.parse(both.arguments())).isEqualTo(both);
        assertThat(RunOptions.parse(List.of("--idle-minutes", "7")).arguments()).containsExactly("--idle-minutes", "7");
    }

    @Test
    void anythingElseIsAUsageErrorNamingWhatWasGiven() {
        for (List<String> bad : List.of(List.of("--idle-minutes"), List.of("--idle-minutes", "0"),
                List.of("--idle-minutes", "1", "--idle-minutes", "2"), List.of("--disable-key-availability-check",
                        "--disable-key-availability-check"), List.of("--enable-key-availability-check"))) {
            assertThatThrownBy(() -> RunOptions.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.join(" ", bad));
        }
    }
}
