package io.hsmconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecondLocalUserTest {
    @Test
    void theAttackerIsAnotherUnprivilegedAccount() {
        SecondLocalUser.Result whoami = SecondLocalUser.runAs(List.of("id", "-u"), 20);
        assertThat(whoami.exitCode()).isZero();
        assertThat(whoami.output().trim()).isEqualTo(String.valueOf(SecondLocalUser.uid())).isNotEqualTo("0");
    }
}
